import { randomBytes } from 'node:crypto';
import { Permission, Product, Role } from '@arrears/domain';
import { MikroORM, type EntityManager } from '@mikro-orm/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../auth/actor.js';
import { scopeToActor } from '../../auth/data-scope.js';
import type { DatabaseConfig } from '../../config.js';
import { ormOptions } from '../../db/orm-config.js';
import { createScratchDatabase, DEFAULT_POSTGRES_URL } from '../../db/scratch-postgres.js';
import { configureFieldEncryption } from '../../security/field-encryption.js';
import { Borrower } from '../borrower/borrower.entity.js';
import { Case } from '../case/case.entity.js';
import { Institution } from '../institution/institution.entity.js';
import { PartnerApp } from '../partner-app/partner-app.entity.js';
import { User } from '../user/user.entity.js';
import { runWithAuditContext } from './audit-context.js';
import { AuditEvent } from './audit-event.entity.js';
import { POSTGRESQL_AUDIT_GUARD, SQLITE_AUDIT_GUARD } from './audit-guard.sql.js';
import { AuditService, REDACTED } from './audit.service.js';

const NATIONAL_ID = '11010519491231002X';
const PHONE = '13800138000';
const NEW_PHONE = '13912345678';
const EMAIL = 'zhang.wei@example.cn';
const ADDRESS = '建国路 1 号';
/** Personal data that must never appear in an audit row, in any form. */
const PLAINTEXT = [NATIONAL_ID, PHONE, NEW_PHONE, EMAIL, ADDRESS, 'collector@bank.demo'];

const service = new AuditService();

/** The schema comes from the entities, the guard from what the migration will run. */
async function openScratch(
  dialect: DatabaseConfig['dialect'],
): Promise<{ orm: MikroORM; drop: () => Promise<void> }> {
  let orm: MikroORM;
  let drop = async () => {};
  if (dialect === 'sqlite') {
    orm = await MikroORM.init(ormOptions({ dialect, path: ':memory:' }));
  } else {
    const scratch = await createScratchDatabase(
      process.env.TEST_POSTGRES_URL ?? DEFAULT_POSTGRES_URL,
      'arrears_test',
    );
    orm = await MikroORM.init(ormOptions({ dialect, url: scratch.url }));
    drop = scratch.drop;
  }
  await orm.getSchemaGenerator().createSchema();
  const guard = dialect === 'sqlite' ? SQLITE_AUDIT_GUARD : POSTGRESQL_AUDIT_GUARD;
  for (const statement of guard) await orm.em.getConnection().execute(statement);
  return { orm, drop };
}

describe.each(['sqlite', 'postgresql'] as const)('audit trail on %s', (dialect) => {
  let orm: MikroORM;
  let drop: () => Promise<void>;
  let institution: Institution;
  let user: User;
  let borrower: Borrower;
  let actor: Actor;

  /** A request's EntityManager, scoped to the actor like the server's. */
  const requestEm = (): EntityManager => {
    const em = orm.em.fork();
    scopeToActor(em, actor);
    return em;
  };
  const inRequest = <T>(requestId: string, work: (em: EntityManager) => Promise<T>) =>
    runWithAuditContext({ actor, requestId }, () => requestEm().transactional(work));
  const events = (em = orm.em.fork()) =>
    em.find(
      AuditEvent,
      { institution: institution.id },
      { orderBy: { sequence: 'asc' }, filters: false },
    );
  const sql = (query: string, params: unknown[] = []) =>
    orm.em.getConnection().execute(query, params);

  beforeAll(async () => {
    configureFieldEncryption(randomBytes(32));
    ({ orm, drop } = await openScratch(dialect));
    // Built unsaved: the actor must exist before the first request creates its rows.
    const em = orm.em.fork();
    institution = em.create(Institution, { code: 'AUDT', name: '审计银行' }, { persist: false });
    user = em.create(
      User,
      {
        institution,
        email: 'collector@bank.demo',
        displayName: '王芳',
        role: Role.SUPERVISOR,
        passwordHash: '$argon2id$secret',
      },
      { persist: false },
    );
    actor = {
      kind: 'user',
      id: user.id,
      institutionId: institution.id,
      role: Role.SUPERVISOR,
      sessionId: 'session',
    };
  });
  afterAll(async () => {
    await orm?.close();
    await drop?.();
  });

  it('records each created row in the same transaction, chained, without personal data', async () => {
    await inRequest('req-create', async (em) => {
      em.persist([institution, user]);
      borrower = em.create(Borrower, {
        institution,
        fullName: '张伟',
        nationalId: NATIONAL_ID,
        phones: [PHONE],
        email: EMAIL,
        province: '北京市',
        city: '北京市',
        district: '朝阳区',
        addressDetail: ADDRESS,
        monthlyIncomeFen: 1_234_500,
      });
    });

    const trail = await events();
    expect(trail.map((e) => [e.sequence, e.action, e.entityId])).toEqual([
      [1, 'institution.create', institution.id],
      [2, 'user.create', user.id],
      [3, 'borrower.create', borrower.id],
    ]);
    expect(trail.map((e) => e.prevHash)).toEqual([null, trail[0]!.hash, trail[1]!.hash]);
    for (const event of trail) {
      expect(event).toMatchObject({
        actor: `user:${user.id}`,
        requestId: 'req-create',
        before: null,
      });
    }
    expect(trail[1]!.after).toMatchObject({
      institution: institution.id,
      email: REDACTED,
      passwordHash: REDACTED,
      role: 'SUPERVISOR',
    });
    expect(trail[2]!.entityType).toBe('Borrower');
    expect(trail[2]!.after).toMatchObject({
      institution: institution.id,
      fullName: '张伟',
      nationalId: REDACTED,
      phones: REDACTED,
      email: REDACTED,
      addressDetail: REDACTED,
      province: '北京市',
      monthlyIncomeFen: 1_234_500,
      createdAt: borrower.createdAt.toISOString(),
    });
    const stored = JSON.stringify(await sql('select * from audit_event'));
    for (const secret of PLAINTEXT) expect(stored).not.toContain(secret);
  });

  it('records an update as the changed fields before and after', async () => {
    await inRequest('req-update', async (em) => {
      const found = await em.findOneOrFail(Borrower, borrower.id);
      found.employer = '建设集团';
      found.monthlyIncomeFen = 2_000_000;
      found.phones = [NEW_PHONE];
    });

    const update = (await events()).at(-1)!;
    expect(update).toMatchObject({
      sequence: 4,
      action: 'borrower.update',
      entityType: 'Borrower',
      entityId: borrower.id,
      requestId: 'req-update',
    });
    expect(update.before).toEqual({
      employer: null,
      monthlyIncomeFen: 1_234_500,
      phones: REDACTED,
      updatedAt: borrower.updatedAt.toISOString(),
    });
    expect(update.after).toMatchObject({
      employer: '建设集团',
      monthlyIncomeFen: 2_000_000,
      phones: REDACTED,
    });
    const stored = JSON.stringify(await sql('select * from audit_event'));
    for (const secret of PLAINTEXT) expect(stored).not.toContain(secret);
  });

  it('records JSON columns as JSON and leaves secrets out', async () => {
    const app = await inRequest('req-app', async (em) =>
      em.create(PartnerApp, {
        institution,
        name: '核心系统',
        scopes: [Permission.CASES_READ],
        keyPrefix: 'ak_audit',
        keyHash: 'f'.repeat(64),
      }),
    );
    await inRequest('req-app-scopes', async (em) => {
      const found = await em.findOneOrFail(PartnerApp, app.id);
      found.scopes = [Permission.CASES_READ, Permission.CONTACTS_WRITE];
    });
    const [created, updated] = (await events()).filter((e) => e.entityId === app.id);
    expect(created!.after).toMatchObject({ scopes: [Permission.CASES_READ], keyHash: REDACTED });
    expect(updated).toMatchObject({
      action: 'partnerApp.update',
      before: { scopes: [Permission.CASES_READ] },
      after: { scopes: [Permission.CASES_READ, Permission.CONTACTS_WRITE] },
    });
  });

  it('records nothing for rows that were read and flushed unchanged', async () => {
    const before = (await events()).length;
    await inRequest('req-read', async (em) => {
      await em.find(Borrower, {});
      await em.find(User, {});
      await em.findOneOrFail(Institution, institution.id);
    });
    expect(await events()).toHaveLength(before);
  });

  it('keeps no event of a transaction that rolled back', async () => {
    const before = (await events()).length;
    await expect(
      inRequest('req-rollback', async (em) => {
        const found = await em.findOneOrFail(Borrower, borrower.id);
        found.employer = '不会保存';
        await em.flush();
        throw new Error('validation failed after the flush');
      }),
    ).rejects.toThrow('validation failed');
    expect(await events()).toHaveLength(before);
    expect(
      (await orm.em.fork().findOneOrFail(Borrower, borrower.id, { filters: false })).employer,
    ).toBe('建设集团');
  });

  it('appends in the transaction of a flush made outside any, and nothing when it fails', async () => {
    const head = (await events()).length;
    const flushUser = () =>
      runWithAuditContext({ actor, requestId: 'req-no-transaction' }, async () => {
        const em = requestEm();
        em.create(User, {
          institution: institution.id,
          email: 'no-transaction@bank.demo',
          displayName: '李娜',
          role: Role.COLLECTOR,
          passwordHash: '$argon2id$secret',
        });
        await em.flush();
      });
    await flushUser();
    // The same email again: the insert fails, and its event goes with it.
    await expect(flushUser()).rejects.toThrow();
    const trail = await events();
    expect(trail).toHaveLength(head + 1);
    expect(trail.at(-1)).toMatchObject({
      action: 'user.create',
      requestId: 'req-no-transaction',
      sequence: head + 1,
    });
    expect(await service.verify({ em: requestEm() }, institution.id)).toEqual({
      ok: true,
      checked: head + 1,
    });
  });

  it('records a read through record(), in the caller transaction or its own', async () => {
    const head = (await events()).length;
    const ctx = { em: requestEm(), actor, requestId: 'req-reveal' };
    const reveal = await service.record(ctx, {
      institutionId: institution.id,
      action: 'borrower.revealPii',
      entityType: 'Borrower',
      entityId: borrower.id,
      after: { fields: ['nationalId', 'phones'], nationalId: NATIONAL_ID },
    });
    expect(reveal).toMatchObject({
      sequence: head + 1,
      actor: `user:${user.id}`,
      requestId: 'req-reveal',
      before: null,
    });
    expect(reveal.after).toEqual({ fields: ['nationalId', 'phones'], nationalId: REDACTED });

    // In a transaction that then fails, the read's event goes with it.
    await expect(
      requestEm().transactional(async (em) => {
        await service.record(
          { ...ctx, em },
          {
            institutionId: institution.id,
            action: 'borrower.revealPii',
            entityType: 'Borrower',
            entityId: borrower.id,
          },
        );
        throw new Error('aborted');
      }),
    ).rejects.toThrow('aborted');
    expect(await events()).toHaveLength(head + 1);
  });

  it('keeps one unbroken chain when transactions append at the same time', async () => {
    // Each transaction reads the chain's head; unserialised, two would claim one sequence.
    await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        inRequest(`req-parallel-${i}`, async (em) => {
          em.create(Case, {
            institution: institution.id,
            borrower: borrower.id,
            loanNumber: `AUDT-CL-000${i}`,
            product: Product.CREDIT_LOAN,
            principalFen: 5_000_000,
            outstandingFen: 4_000_000,
            overdueFen: 300_000,
            overdueSince: '2026-01-15',
          });
        }),
      ),
    );
    const trail = await events();
    expect(trail.filter((e) => e.action === 'case.create')).toHaveLength(6);
    expect(trail.map((e) => e.sequence)).toEqual(trail.map((_, i) => i + 1));
    expect(await service.verify({ em: requestEm() }, institution.id)).toEqual({
      ok: true,
      checked: trail.length,
    });
  });

  it('lets no one update or delete an audit row', async () => {
    await expect(
      sql(`update audit_event set actor = 'user:forger' where sequence = 1`),
    ).rejects.toThrow('audit events are append-only');
    await expect(sql('delete from audit_event where sequence = 1')).rejects.toThrow(
      'audit events are append-only',
    );
    if (dialect === 'postgresql') {
      await expect(sql('truncate audit_event')).rejects.toThrow('audit events are append-only');
    }
    // Rows read and flushed unchanged are no attempt to change them.
    const em = orm.em.fork();
    await events(em);
    await em.flush();
    // Through the ORM the flush refuses before the database is asked.
    const [first] = await events(em);
    first!.actor = 'user:forger';
    await expect(em.flush()).rejects.toThrow('audit events are append-only');
    em.clear();
    expect((await events())[0]!.actor).toBe(`user:${user.id}`);
  });

  it('reports the first altered row once someone gets past the guard', async () => {
    expect(await service.verify({ em: requestEm() }, institution.id)).toMatchObject({ ok: true });
    // What a database owner could still do: switch the guard off and rewrite history.
    if (dialect === 'sqlite') await sql('drop trigger audit_event_no_update');
    else await sql('alter table audit_event disable trigger all');
    await sql(`update audit_event set "after" = ? where institution_id = ? and sequence = 3`, [
      JSON.stringify({ fullName: '李四' }),
      institution.id,
    ]);

    expect(await service.verify({ em: requestEm() }, institution.id)).toEqual({
      ok: false,
      checked: 2,
      brokenAt: 3,
      reason: expect.stringContaining('hash mismatch'),
    });
  });
});
