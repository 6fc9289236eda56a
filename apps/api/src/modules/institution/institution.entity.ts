import { type CaseStage, RulePackCode, type RulePackOverrides } from '@arrears/domain';
import { Entity, Enum, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';
import { v7 as uuidv7 } from 'uuid';

/** A lender: the tenant every other row belongs to. */
@ObjectType('Institution')
@Entity()
export class Institution {
  [OptionalProps]?:
    | 'createdAt'
    | 'timeZone'
    | 'rulePack'
    | 'rulePackOverrides'
    | 'holidayCalendar'
    | 'escalationLadder';

  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = uuidv7();

  /** Short code used in logins and loan references, e.g. `PSBC`. */
  @Field(() => String)
  @Property({ type: 'string', length: 16, unique: true })
  code!: string;

  @Field(() => String)
  @Property({ type: 'string', length: 200 })
  name!: string;

  /** IANA zone the institution's days are judged in (DPD, reports, quiet hours by default). */
  @Field(() => String)
  @Property({ type: 'string', length: 64 })
  timeZone: string = 'Asia/Shanghai';

  @Field(() => RulePackCode)
  @Enum({ items: () => RulePackCode, type: 'string' })
  rulePack: RulePackCode = RulePackCode.CN;

  /** The institution's tightenings of its pack; `tightenPack` has checked them. */
  @Property({ type: 'json', nullable: true })
  rulePackOverrides: RulePackOverrides | null = null;

  /** Treat statutory holidays and weekends (make-up workdays excepted) as no-contact days. */
  @Property({ type: 'boolean' })
  holidayCalendar: boolean = false;

  /** DPD ranges → stage; null follows the default ladder. */
  @Property({ type: 'json', nullable: true })
  escalationLadder: { fromDpd: number; stage: CaseStage }[] | null = null;

  @Field(() => Date)
  @Property({ type: Date })
  createdAt: Date = new Date();
}
