import { Attitude, OverdueReason, VisitStatus, Willingness } from '@arrears/domain';
import { Field, ID, InputType, registerEnumType } from 'type-graphql';
import { LocalDateScalar } from '../../graphql/scalars.js';
import { RepaymentPlanTermsInput } from '../plan/plan.inputs.js';

@InputType()
export class ScheduleVisitInput {
  @Field(() => ID) caseId!: string;
  @Field(() => Date) windowStart!: Date;
  @Field(() => Date) windowEnd!: Date;

  @Field(() => [ID], { description: 'At least two collectors of the case institution.' })
  collectorIds!: string[];

  @Field(() => String) purpose!: string;

  @Field(() => String, { nullable: true, description: "Defaults to the borrower's address." })
  address?: string | null;

  @Field(() => ID, { nullable: true, description: 'The supervisor or collector who planned it.' })
  plannedById?: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'Makes a retry safe: the same key returns the first result instead of writing again.',
  })
  idempotencyKey?: string | null;
}

@InputType({ description: 'The borrower agreed to the appointment (预约上门).' })
export class ConfirmVisitInput {
  @Field(() => ID) visitId!: string;

  @Field(() => String, { description: 'How it was agreed, e.g. "电话确认" or "短信回复".' })
  confirmedVia!: string;

  @Field(() => ID, { nullable: true }) confirmedById?: string | null;
}

@InputType({ description: 'The collectors at the door: when, where, ID shown, consent to enter.' })
export class CheckInVisitInput {
  @Field(() => ID) visitId!: string;

  @Field(() => Date, { nullable: true, description: 'Defaults to now.' })
  at?: Date | null;

  @Field(() => Number, { description: 'WGS-84 latitude of the check-in.' }) latitude!: number;
  @Field(() => Number, { description: 'WGS-84 longitude of the check-in.' }) longitude!: number;

  @Field(() => Boolean, {
    description: 'The collectors showed their identification (must be true).',
  })
  idShown!: boolean;

  @Field(() => Boolean, { description: 'The borrower agreed to let them in.' })
  consentToEnter!: boolean;
}

@InputType()
export class CancelVisitInput {
  @Field(() => ID) visitId!: string;
  @Field(() => String) reason!: string;
}

@InputType({
  description: 'Moves an appointment: the old visit is RESCHEDULED, a new one is planned.',
})
export class RescheduleVisitInput {
  @Field(() => ID) visitId!: string;
  @Field(() => Date) windowStart!: Date;
  @Field(() => Date) windowEnd!: Date;
}

export const VisitOutcome = { COMPLETED: 'COMPLETED', NO_SHOW: 'NO_SHOW' } as const;
export type VisitOutcome = (typeof VisitOutcome)[keyof typeof VisitOutcome];
registerEnumType(VisitOutcome, { name: 'VisitOutcome' });

@InputType({
  description: 'COMPLETED needs a checked-in visit and the full record; NO_SHOW a confirmed one.',
})
export class RecordVisitOutcomeInput {
  @Field(() => ID) visitId!: string;
  @Field(() => VisitOutcome) outcome!: VisitOutcome;
  @Field(() => Attitude, { nullable: true }) attitude?: Attitude | null;
  @Field(() => Willingness, { nullable: true }) willingness?: Willingness | null;
  @Field(() => OverdueReason, { nullable: true }) overdueReason?: OverdueReason | null;
  @Field(() => String, { nullable: true }) negotiatedResult?: string | null;
  @Field(() => String, { nullable: true }) note?: string | null;
  @Field(() => LocalDateScalar, { nullable: true }) followUpDate?: string | null;

  @Field(() => Date, { nullable: true, description: 'When the collectors left; defaults to now.' })
  checkedOutAt?: Date | null;

  @Field(() => RepaymentPlanTermsInput, {
    nullable: true,
    description: 'COMPLETED only: the promise or plan negotiated at the visit, created with it.',
  })
  plan?: RepaymentPlanTermsInput | null;
}

@InputType()
export class VisitFilter {
  @Field(() => ID, { nullable: true }) institutionId?: string | null;
  @Field(() => ID, { nullable: true }) caseId?: string | null;
  @Field(() => [VisitStatus], { nullable: true }) status?: VisitStatus[] | null;
  @Field(() => ID, { nullable: true, description: 'Visits this collector is on.' }) collectorId?:
    | string
    | null;
  @Field(() => Date, { nullable: true }) windowFrom?: Date | null;
  @Field(() => Date, { nullable: true }) windowTo?: Date | null;
}
