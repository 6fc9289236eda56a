import { ContactRuleCode, NextActionKind, PRIORITY_FACTOR_CODES } from '@arrears/domain';
import { Extensions, Field, Int, ObjectType } from 'type-graphql';
import { Case } from '../case/case.entity.js';
import { PolicyReason } from '../policy/policy.types.js';

@ObjectType('PriorityFactor')
export class PriorityFactorType {
  @Field(() => String, { description: 'AMOUNT, DPD, RISK, BROKEN_PROMISES or CONTACT_RECENCY.' })
  code!: string;

  @Field(() => Int, { description: 'The most points this factor can give.' }) weight!: number;
  @Field(() => Int) points!: number;
  @Field(() => String) explanation!: string;
}

@ObjectType('PriorityScore', { description: 'A 0–100 score and the factors that sum to it.' })
export class PriorityScoreType {
  @Field(() => Int) score!: number;
  @Extensions({ listSize: PRIORITY_FACTOR_CODES.length })
  @Field(() => [PriorityFactorType])
  factors!: PriorityFactorType[];
}

@ObjectType('NextAction')
export class NextAction {
  @Field(() => NextActionKind) kind!: NextActionKind;
  @Field(() => Boolean, { description: 'Whether the policy allows it now.' }) allowed!: boolean;

  @Field(() => Date, {
    nullable: true,
    description: 'Now when allowed, else the next allowed instant; null when a hold blocks it.',
  })
  at!: Date | null;

  @Extensions({ listSize: Object.keys(ContactRuleCode).length })
  @Field(() => [PolicyReason])
  reasons!: PolicyReason[];
}

@ObjectType('WorklistItem')
export class WorklistItem {
  @Field(() => Case) case!: Case;
  @Field(() => PriorityScoreType) priority!: PriorityScoreType;
  @Field(() => NextAction) nextAction!: NextAction;
}

@ObjectType('Worklist')
export class Worklist {
  @Field(() => [WorklistItem]) nodes!: WorklistItem[];
  @Field(() => Int) totalCount!: number;
}

@ObjectType('DailyCycleReport', { description: 'What one run of the daily cycle changed.' })
export class DailyCycleReport {
  @Field(() => Date) at!: Date;
  @Field(() => Int) institutions!: number;
  @Field(() => Int) casesExamined!: number;
  @Field(() => Int, { description: 'Cases moved up the escalation ladder.' }) stagesRaised!: number;
  @Field(() => Int) prioritiesChanged!: number;
  @Field(() => Int) plansKept!: number;
  @Field(() => Int) plansBroken!: number;
  @Field(() => Int) tasksCreated!: number;
}
