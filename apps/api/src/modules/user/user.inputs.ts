import { Role } from '@arrears/domain';
import { Field, ID, InputType } from 'type-graphql';

@InputType()
export class UserFilter {
  @Field(() => ID, { nullable: true }) institutionId?: string | null;
  @Field(() => [Role], { nullable: true }) role?: Role[] | null;
  @Field(() => Boolean, { nullable: true }) active?: boolean | null;
}

@InputType({ description: 'A new member of staff; the admin hands over the first password.' })
export class CreateUserInput {
  @Field(() => ID) institutionId!: string;
  @Field(() => String) email!: string;
  @Field(() => String) displayName!: string;
  @Field(() => Role) role!: Role;
  @Field(() => String, { description: 'At least 12 characters.' }) password!: string;
}
