import { Role } from '@arrears/domain';
import { MikroORM } from '@mikro-orm/core';
import { graphql, type GraphQLSchema } from 'graphql';
import { Ctx, Mutation, Resolver, buildSchema } from 'type-graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../auth/actor.js';
import { authChecker } from '../../auth/auth-checker.js';
import { ForbiddenError } from '../../auth/errors.js';
import { scopeToActor } from '../../auth/data-scope.js';
import { ormOptions } from '../../db/orm-config.js';
import type { RequestContext } from '../../graphql/context.js';
import { guardRootFields } from '../../graphql/root-fields.js';
import { DateTimeScalar } from '../../graphql/scalars.js';
import { Institution } from '../institution/institution.entity.js';
import { User } from '../user/user.entity.js';
import { AuditResolver } from './audit.resolver.js';

/** A mutation as the real ones are: a transaction on the request's EntityManager. */
@Resolver()
class RenameInstitutionResolver {
  @Mutation(() => Boolean)
  async renameInstitution(@Ctx() ctx: RequestContext): Promise<boolean> {
    await ctx.em.transactional(async (em) => {
      const found = await em.findOneOrFail(Institution, { code: 'AUDR' });
      found.name = '审计银行（新）';
    });
    return true;
  }
}

describe('audit GraphQL API', () => {
  let orm: MikroORM;
  let schema: GraphQLSchema;
  let institution: Institution;
  let auditor: Actor;
  let collector: Actor;

  const run = (actor: Actor, source: string, requestId = 'req-graphql') => {
    const em = orm.em.fork();
    scopeToActor(em, actor);
    const contextValue = { actor, em, requestId } as unknown as RequestContext;
    return graphql({ schema, source, contextValue });
  };

  beforeAll(async () => {
    orm = await MikroORM.init(ormOptions({ dialect: 'sqlite', path: ':memory:' }));
    await orm.getSchemaGenerator().createSchema();
    schema = guardRootFields(
      await buildSchema({
        resolvers: [AuditResolver, RenameInstitutionResolver],
        scalarsMap: [{ type: Date, scalar: DateTimeScalar }],
        authChecker,
        validate: false,
      }),
    );
    const em = orm.em.fork();
    institution = em.create(Institution, { code: 'AUDR', name: '审计银行' });
    const user = (role: Role) =>
      em.create(User, {
        institution,
        email: `${role.toLowerCase()}@audr.demo`,
        displayName: '李静',
        role,
        passwordHash: '$argon2id$x',
      });
    const [auditorUser, collectorUser] = [user(Role.AUDITOR), user(Role.COLLECTOR)];
    await em.flush();
    const actorOf = (u: User): Actor => ({
      kind: 'user',
      id: u.id,
      institutionId: institution.id,
      role: u.role,
      sessionId: 's',
    });
    auditor = actorOf(auditorUser);
    collector = actorOf(collectorUser);
  });
  afterAll(() => orm?.close());

  it('names the actor and request of a mutation in its audit events', async () => {
    const result = await run(auditor, 'mutation { renameInstitution }', 'req-rename');
    expect(result.errors).toBeUndefined();

    const { data, errors } = await run(
      auditor,
      `{ auditEvents(first: 1, filter: { entityType: "Institution" }) {
          totalCount
          nodes { sequence action actor requestId entityId before after prevHash hash }
        } }`,
    );
    expect(errors).toBeUndefined();
    const page = data!.auditEvents as { totalCount: number; nodes: Record<string, unknown>[] };
    expect(page.totalCount).toBe(2);
    expect(page.nodes).toEqual([
      expect.objectContaining({
        sequence: 4,
        action: 'institution.update',
        actor: `user:${(auditor as { id: string }).id}`,
        requestId: 'req-rename',
        entityId: institution.id,
        before: { name: '审计银行' },
        after: { name: '审计银行（新）' },
        prevHash: expect.stringMatching(/^[0-9a-f]{64}$/),
      }),
    ]);
  });

  it('lists newest first and pages with cursors', async () => {
    const query = (after: string | null) =>
      run(
        auditor,
        `{ auditEvents(first: 2${after ? `, after: "${after}"` : ''}) {
            nodes { sequence actor } pageInfo { endCursor hasNextPage } } }`,
      );
    const first = (await query(null)).data!.auditEvents as {
      nodes: { sequence: number; actor: string }[];
      pageInfo: { endCursor: string; hasNextPage: boolean };
    };
    expect(first.nodes.map((n) => n.sequence)).toEqual([4, 3]);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const second = (await query(first.pageInfo.endCursor)).data!.auditEvents as typeof first;
    // The seeding flush ran outside any request.
    expect(second.nodes).toEqual([
      { sequence: 2, actor: 'system' },
      { sequence: 1, actor: 'system' },
    ]);
    expect(second.pageInfo.hasNextPage).toBe(false);
  });

  it('verifies the chain for an auditor', async () => {
    const { data, errors } = await run(
      auditor,
      `{ verifyAuditChain(institutionId: "${institution.id}") { ok checked brokenAtSequence reason } }`,
    );
    expect(errors).toBeUndefined();
    expect(data!.verifyAuditChain).toEqual({
      ok: true,
      checked: 4,
      brokenAtSequence: null,
      reason: null,
    });
  });

  it('shows the trail to no one without the audit permission', async () => {
    const { errors } = await run(collector, '{ auditEvents { totalCount } }');
    expect(errors?.[0]?.originalError).toBeInstanceOf(ForbiddenError);
  });
});
