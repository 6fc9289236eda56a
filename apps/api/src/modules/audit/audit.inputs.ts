import { Field, ID, InputType } from 'type-graphql';

@InputType()
export class AuditEventFilter {
  @Field(() => ID, { nullable: true })
  institutionId?: string | null;

  @Field(() => String, { nullable: true, description: 'e.g. `Case`, `Borrower`.' })
  entityType?: string | null;

  /** A string, not an ID: rows with a composite key are named `<key>~~~<key>`. */
  @Field(() => String, { nullable: true })
  entityId?: string | null;

  @Field(() => String, { nullable: true, description: 'e.g. `user:<id>`, `partner:<id>`.' })
  actor?: string | null;

  @Field(() => String, { nullable: true, description: 'e.g. `case.update`.' })
  action?: string | null;

  @Field(() => Date, { nullable: true, description: 'Events at or after this instant.' })
  from?: Date | null;

  @Field(() => Date, { nullable: true, description: 'Events before this instant.' })
  to?: Date | null;
}
