import { Role } from '@arrears/domain';
import { Field, ID, InputType } from 'type-graphql';

@InputType()
export class UserFilter {
  @Field(() => ID, { nullable: true }) institutionId?: string | null;
  @Field(() => [Role], { nullable: true }) role?: Role[] | null;
  @Field(() => Boolean, { nullable: true }) active?: boolean | null;
}
