import { Bucket, type Money } from '@arrears/domain';
import { Field, Float, Int, ObjectType } from 'type-graphql';
import { DecimalScalar, LocalDateScalar } from '../../graphql/scalars.js';
import { User } from '../user/user.entity.js';

@ObjectType('VisitOutcomeCounts', { description: 'Visits whose window fell in the period.' })
export class VisitOutcomeCounts {
  @Field(() => Int) completed!: number;
  @Field(() => Int) noShow!: number;
  @Field(() => Int) cancelled!: number;
  @Field(() => Int) rescheduled!: number;
  @Field(() => Int, { description: 'Planned, confirmed or checked in.' }) open!: number;
}

@ObjectType('ReportMetrics')
export class ReportMetrics {
  @Field(() => DecimalScalar, { description: 'Payments received in the period.' })
  recovered!: Money;

  @Field(() => DecimalScalar, { description: 'What the cases owe now.' }) outstanding!: Money;

  @Field(() => Float, {
    nullable: true,
    description: 'recovered / (recovered + outstanding); null when both are zero.',
  })
  recoveryRate!: number | null;

  @Field(() => Int) promisesKept!: number;
  @Field(() => Int) promisesBroken!: number;
  @Field(() => Float, { nullable: true }) promiseKeptRate!: number | null;

  @Field(() => Int, { description: 'Outbound calls to borrowers.' }) borrowerCalls!: number;
  @Field(() => Int) rightPartyContacts!: number;
  @Field(() => Float, { nullable: true }) rightPartyContactRate!: number | null;

  @Field(() => Int, { description: 'Every outbound contact.' }) contacts!: number;
  @Field(() => Int) complaints!: number;
  @Field(() => Float, { nullable: true }) complaintsPer1000Contacts!: number | null;

  @Field(() => VisitOutcomeCounts) visits!: VisitOutcomeCounts;
}

@ObjectType('BucketReport')
export class BucketReport {
  @Field(() => Bucket) bucket!: Bucket;
  @Field(() => ReportMetrics) metrics!: ReportMetrics;
}

@ObjectType('CollectorReport')
export class CollectorReport {
  @Field(() => User, { nullable: true, description: 'Null: cases nobody is assigned.' })
  collector!: User | null;

  @Field(() => ReportMetrics) metrics!: ReportMetrics;
}

@ObjectType('WeekReport')
export class WeekReport {
  @Field(() => LocalDateScalar, { description: 'The Monday the week starts on.' })
  weekStart!: string;

  @Field(() => DecimalScalar) recovered!: Money;
  @Field(() => Int) contacts!: number;
}

@ObjectType('CollectionReport', {
  description:
    "Recovery, promises kept, right-party contacts, complaints and visit outcomes over a period, by bucket and by collector (the case's assignee).",
})
export class CollectionReport {
  @Field(() => Date) from!: Date;
  @Field(() => Date) to!: Date;
  @Field(() => ReportMetrics) total!: ReportMetrics;
  @Field(() => [BucketReport]) byBucket!: BucketReport[];
  @Field(() => [CollectorReport]) byCollector!: CollectorReport[];
  @Field(() => [WeekReport]) weekly!: WeekReport[];
}
