import { RulePackCode } from '@arrears/domain';
import { Entity, Enum, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';
import { v7 as uuidv7 } from 'uuid';

/** A lender: the tenant every other row belongs to. */
@ObjectType('Institution')
@Entity()
export class Institution {
  [OptionalProps]?: 'createdAt' | 'timeZone' | 'rulePack';

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

  @Field(() => Date)
  @Property({ type: Date })
  createdAt: Date = new Date();
}
