import { randomBytes } from 'node:crypto';
import { Role, ThirdPartyRelation, nationalIdCheckDigit } from '@arrears/domain';
import { MikroORM, UniqueConstraintViolationException } from '@mikro-orm/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RateLimits } from './rate-limiter.js';
import type { AuthService } from '../auth/auth.service.js';
import type { DatabaseConfig } from '../config.js';
import { ormOptions } from '../db/orm-config.js';
import { createScratchDatabase, DEFAULT_POSTGRES_URL } from '../db/scratch-postgres.js';
import { createRequestContext } from '../graphql/context.js';
import { ConflictError } from '../graphql/errors.js';
import { Borrower } from '../modules/borrower/borrower.entity.js';
import type { CreateBorrowerInput } from '../modules/borrower/borrower.inputs.js';
import { BorrowerService } from '../modules/borrower/borrower.service.js';
import { ThirdParty } from '../modules/borrower/third-party.entity.js';
import { Institution } from '../modules/institution/institution.entity.js';
import { blindIndex, configureFieldEncryption } from './field-encryption.js';

const NATIONAL_ID = '11010519491231002X';
const PHONES = ['13800138000', '13912345678'];
const THIRD_PARTY_PHONE = '13700001111';
/** Digits that must never appear in a stored row: the ID's birth date and serial, the phones. */
const PLAINTEXT = ['19491231', '1231002X', ...PHONES, THIRD_PARTY_PHONE];

/** What a write of an untouched borrower or third party must never include. */
const PII_PROPS = ['nationalId', 'nationalIdIndex', 'phones', 'phone'];
const OTHER_NATIONAL_ID = `11010519800101001${nationalIdCheckDigit('11010519800101001')}`;

const service = new BorrowerService();

function borrowerInput(institutionId: string): CreateBorrowerInput {
  return {
    institutionId,
    fullName: '张伟',
    nationalId: NATIONAL_ID,
    phones: PHONES,
    address: { province: '北京市', city: '北京市', district: '朝阳区', detail: '建国路 1 号' },
    thirdParties: [
      {
        fullName: '李娜',
        relation: ThirdPartyRelation.SPOUSE,
        phone: THIRD_PARTY_PHONE,
        debtRelated: false,
      },
    ],
  };
}

/** The schema comes from the entities, so this holds whatever the migrations say. */
async function openScratch(
  dialect: DatabaseConfig['dialect'],
): Promise<{ orm: MikroORM; drop: () => Promise<void> }> {
  if (dialect === 'sqlite') {
    const orm = await MikroORM.init(ormOptions({ dialect, path: ':memory:' }));
    await orm.getSchemaGenerator().createSchema();
    return { orm, drop: async () => {} };
  }
  const scratch = await createScratchDatabase(
    process.env.TEST_POSTGRES_URL ?? DEFAULT_POSTGRES_URL,
    'arrears_test',
  );
  const orm = await MikroORM.init(ormOptions({ dialect, url: scratch.url }));
  await orm.getSchemaGenerator().createSchema();
  return { orm, drop: scratch.drop };
}

describe.each(['sqlite', 'postgresql'] as const)('borrower personal data on %s', (dialect) => {
  let orm: MikroORM;
  let drop: () => Promise<void>;
  let institution: Institution;
  let borrowerId: string;
  /** A supervisor's request in the test institution; the borrower service never calls auth or limits. */
  const context = () =>
    createRequestContext(orm.em, {
      actor: {
        kind: 'user',
        id: 'supervisor',
        institutionId: institution.id,
        role: Role.SUPERVISOR,
        sessionId: 'session',
      },
      requestId: 'field-encryption-test',
      auth: {} as AuthService,
      rateLimits: {} as RateLimits,
      clientIp: '127.0.0.1',
    });
  /** Rows as stored, past the ORM and its column types. */
  const select = (sql: string, params: unknown[]): Promise<Record<string, unknown>[]> =>
    orm.em.getConnection().execute(sql, params, 'all');
  const rawBorrower = async (id: string) =>
    (await select('select * from borrower where id = ?', [id]))[0] ?? {};

  beforeAll(async () => {
    configureFieldEncryption(randomBytes(32));
    ({ orm, drop } = await openScratch(dialect));
    const em = orm.em.fork();
    institution = em.create(Institution, { code: 'TEST', name: '测试银行' });
    await em.flush();
    const ctx = context();
    borrowerId = (
      await ctx.em.transactional((em) =>
        service.create({ ...ctx, em }, borrowerInput(institution.id)),
      )
    ).id;
  });

  afterAll(async () => {
    await orm?.close(true);
    await drop?.();
  });

  it('stores national ID and phones only as ciphertext, with a blind index beside them', async () => {
    const row = await rawBorrower(borrowerId);
    expect(row.national_id).toMatch(/^v1:/);
    expect(row.phones).toMatch(/^v1:/);
    expect(row.national_id_index).toBe(blindIndex(NATIONAL_ID));
    const thirdParties = await select('select * from third_party where borrower_id = ?', [
      borrowerId,
    ]);
    expect(thirdParties).toHaveLength(1);
    expect(thirdParties[0]?.phone).toMatch(/^v1:/);
    const phoneIndexes = await select(
      'select phone_index from borrower_phone_index where borrower_id = ? order by phone_index',
      [borrowerId],
    );
    expect(phoneIndexes.map((r) => r.phone_index)).toEqual(PHONES.map(blindIndex).sort());
    const stored = JSON.stringify([row, thirdParties]);
    for (const plain of PLAINTEXT) expect(stored).not.toContain(plain);
  });

  it('reads plaintext back through the entities', async () => {
    const { em } = context();
    const borrower = await em.findOneOrFail(Borrower, borrowerId);
    expect(borrower.nationalId).toBe(NATIONAL_ID);
    expect(borrower.phones).toEqual(PHONES);
    const [thirdParty] = await em.find(ThirdParty, { borrower: borrowerId });
    expect(thirdParty?.phone).toBe(THIRD_PARTY_PHONE);
    expect(
      await service.revealPii(context(), borrowerId, 'customer called about a dispute'),
    ).toEqual({
      nationalId: NATIONAL_ID,
      phones: PHONES,
    });
  });

  it('finds the borrower by exact national ID and by either phone', async () => {
    const ids = async (filter: Parameters<BorrowerService['list']>[2]) => {
      const page = await service.list(context(), {}, filter);
      return { ids: page.nodes.map((b) => b.id), total: await page.count() };
    };
    const found = { ids: [borrowerId], total: 1 };
    expect(await ids({ nationalId: NATIONAL_ID.toLowerCase() })).toEqual(found);
    expect(await ids({ phone: PHONES[0] })).toEqual(found);
    expect(await ids({ phone: PHONES[1], institutionId: institution.id })).toEqual(found);
    expect(await ids({ phone: THIRD_PARTY_PHONE })).toEqual({ ids: [], total: 0 });
    expect(await ids({ nationalId: OTHER_NATIONAL_ID })).toEqual({ ids: [], total: 0 });
  });

  it('refuses a second borrower with the same national ID, in the service and in the schema', async () => {
    const ctx = context();
    await expect(
      ctx.em.transactional((em) => service.create({ ...ctx, em }, borrowerInput(institution.id))),
    ).rejects.toThrow(ConflictError);
    const { em } = context();
    em.create(Borrower, {
      institution,
      fullName: '张伟',
      nationalId: NATIONAL_ID,
      phones: [],
      province: '北京市',
      city: '北京市',
      district: '朝阳区',
      addressDetail: '建国路 2 号',
    });
    await expect(em.flush()).rejects.toThrow(UniqueConstraintViolationException);
  });

  it('sees no change in an untouched borrower, and re-encrypts and re-indexes a changed one', async () => {
    const { em } = context();
    const borrower = await em.findOneOrFail(Borrower, borrowerId, { populate: ['thirdParties'] });
    const before = await rawBorrower(borrowerId);
    // Fresh ciphertexts differ every time; only a changed plaintext may count as a change.
    // (Asserted per property: SQLite currently rewrites loaded datetimes on every flush.)
    const uow = em.getUnitOfWork();
    uow.computeChangeSets();
    const changed = uow.getChangeSets().flatMap((changeSet) => Object.keys(changeSet.payload));
    expect(changed.filter((prop) => PII_PROPS.includes(prop))).toEqual([]);

    borrower.nationalId = OTHER_NATIONAL_ID;
    borrower.phones = [...PHONES].reverse();
    await em.flush();
    const after = await rawBorrower(borrowerId);
    expect(after.national_id).not.toBe(before.national_id);
    expect(after.national_id_index).toBe(blindIndex(OTHER_NATIONAL_ID));
    const reloaded = await context().em.findOneOrFail(Borrower, borrowerId);
    expect([reloaded.nationalId, reloaded.phones]).toEqual([
      OTHER_NATIONAL_ID,
      [...PHONES].reverse(),
    ]);
  });

  it('refuses a query on an encrypted column, which could never match', async () => {
    await expect(context().em.find(Borrower, { nationalId: NATIONAL_ID })).rejects.toThrow(
      /nationalId is encrypted: query its blind index/,
    );
  });
});
