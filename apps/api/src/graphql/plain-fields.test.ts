import 'reflect-metadata';
import { graphql, type GraphQLObjectType } from 'graphql';
import {
  Authorized,
  Field,
  FieldResolver,
  ObjectType,
  Query,
  Resolver,
  Root,
  buildSchema,
} from 'type-graphql';
import { describe, expect, it } from 'vitest';
import { resolvePlainFieldsByDefault } from './plain-fields.js';

@ObjectType()
class PlainFieldsBase {
  @Field(() => String)
  inherited = 'from the base';
}

@ObjectType()
class PlainFieldsProbe extends PlainFieldsBase {
  @Field(() => String)
  plain = 'plain';

  @Authorized('secret')
  @Field(() => String)
  guarded = 'guarded';

  @Field(() => String, { name: 'renamed' })
  original = 'original';

  @Field(() => String)
  computed = 'stored';
}

@Resolver(() => PlainFieldsProbe)
class PlainFieldsProbeResolver {
  @Query(() => PlainFieldsProbe)
  plainFieldsProbe(): PlainFieldsProbe {
    return new PlainFieldsProbe();
  }

  @FieldResolver(() => String)
  computed(@Root() probe: PlainFieldsProbe): string {
    return `resolved ${probe.computed}`;
  }
}

describe('resolvePlainFieldsByDefault', () => {
  it('leaves only plain property fields to the default resolver; permissions and resolvers stay', async () => {
    const schema = resolvePlainFieldsByDefault(
      await buildSchema({
        resolvers: [PlainFieldsProbeResolver],
        validate: false,
        authChecker: ({ context }) => (context as { allowed: boolean }).allowed,
      }),
    );
    const fields = (schema.getType('PlainFieldsProbe') as GraphQLObjectType).getFields();
    expect(fields.plain!.resolve).toBeUndefined();
    expect(fields.inherited!.resolve).toBeUndefined();
    expect(fields.guarded!.resolve).toBeDefined();
    expect(fields.renamed!.resolve).toBeDefined();
    expect(fields.computed!.resolve).toBeDefined();

    const source = '{ plainFieldsProbe { plain inherited renamed computed guarded } }';
    const allowed = await graphql({ schema, source, contextValue: { allowed: true } });
    expect(allowed.errors).toBeUndefined();
    expect(allowed.data).toEqual({
      plainFieldsProbe: {
        plain: 'plain',
        inherited: 'from the base',
        renamed: 'original',
        computed: 'resolved stored',
        guarded: 'guarded',
      },
    });
    const refused = await graphql({ schema, source, contextValue: { allowed: false } });
    expect(refused.errors?.[0]?.path).toEqual(['plainFieldsProbe', 'guarded']);
  });
});
