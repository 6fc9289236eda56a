import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { PartnerApp } from './partner-app.entity.js';

@InputType()
export class CreatePartnerAppInput {
  @Field(() => String) name!: string;

  @Field(() => [String], {
    description: 'Scopes such as cases:read, contacts:write, visits:write.',
  })
  scopes!: string[];
}

@InputType()
export class PartnerAppKeyInput {
  @Field(() => ID) id!: string;
}

@ObjectType('PartnerAppWithKey', {
  description: 'The key is in this answer only; it cannot be shown again.',
})
export class PartnerAppWithKey {
  @Field(() => PartnerApp) app!: PartnerApp;
  @Field(() => String) apiKey!: string;
}
