import { randomBytes } from 'node:crypto';
import { MikroORM, type FilterQuery } from '@mikro-orm/core';
import type { QBFilterQuery, SqlEntityManager } from '@mikro-orm/knex';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { Case } from '../modules/case/case.entity.js';
import { configureFieldEncryption } from '../security/field-encryption.js';
import { ormOptions } from './orm-config.js';
import { QueryTemplates, type BoundSql } from './query-templates.js';

const INSTITUTION = '0199f9c4-1000-7605-9d80-c486ec3e47c2';

/** Filters of the case list's kinds: lists, ranges, dates, nulls, a keyset cursor. */
const SAME_SHAPE: [FilterQuery<Case>, FilterQuery<Case>][] = [
  [
    { status: { $in: ['NEW', 'IN_PROGRESS'] }, overdueSince: { $gte: '2026-01-01' } },
    { status: { $in: ['PROMISED', 'ESCALATED'] }, overdueSince: { $gte: '2026-06-30' } },
  ],
  [
    { $and: [{ assignee: null }, { priority: { $gte: 40, $lte: 90 } }] },
    { $and: [{ assignee: null }, { priority: { $gte: 0, $lte: 10 } }] },
  ],
  [
    {
      $or: [
        { priority: { $lt: 70 } },
        { priority: 70, id: { $lt: '019bfcc0-ea60-7fe2-acdf-a06071612ea8' } },
      ],
    },
    {
      $or: [
        { priority: { $lt: 3 } },
        { priority: 3, id: { $lt: '019bfcc0-0000-7fe2-acdf-a06071612ea8' } },
      ],
    },
  ],
  [
    { createdAt: { $gt: new Date('2026-11-01T00:00:00Z') }, loanNumber: { $like: '%A-1%' } },
    { createdAt: { $gt: new Date('2025-01-01T08:30:00Z') }, loanNumber: { $like: '%B%' } },
  ],
];

describe.each(['sqlite', 'postgresql'] as const)('query templates on %s', (dialect) => {
  let orm: MikroORM;
  let em: SqlEntityManager;
  beforeAll(async () => {
    configureFieldEncryption(randomBytes(32));
    // Building SQL needs the metadata and the dialect, not a connection.
    orm = await MikroORM.init(
      ormOptions(
        dialect === 'sqlite'
          ? { dialect, path: ':memory:' }
          : { dialect, url: 'postgresql://unused@127.0.0.1:1/unused' },
        { connect: false },
      ),
    );
    em = orm.em.fork() as SqlEntityManager;
    em.setFilterParams('tenant', { institutionId: INSTITUTION });
    em.setFilterParams('collectorScope', { userId: null });
  });
  afterAll(() => orm?.close());

  const caseQuery = (where: FilterQuery<Case>) =>
    em
      .createQueryBuilder(Case, 'c')
      .select('c.*')
      .where(where as QBFilterQuery<Case>)
      .orderBy({ priority: 'DESC', id: 'DESC' })
      .limit(51);

  /** What the ORM builds for the filter, the way the templates' own fallback does. */
  async function direct(where: FilterQuery<Case>): Promise<BoundSql> {
    const query = caseQuery(where);
    await query.applyFilters();
    const { sql, bindings } = query.toQuery()._sql;
    return { sql, bindings: [...bindings] };
  }

  it.each(SAME_SHAPE.map((pair, i) => [i, ...pair] as const))(
    'shape %i: built once, then filled with each filter’s values as the ORM would build them',
    async (_i, first, second) => {
      const templates = new QueryTemplates();
      const query = vi.fn(caseQuery);
      expect(await templates.build('k', first, query)).toEqual(await direct(first));
      const filled = await templates.build('k', second, query);
      expect(filled).toEqual(await direct(second));
      // The values are the second filter's, not the first's.
      expect(filled).not.toEqual(await direct(first));
      expect(query).toHaveBeenCalledTimes(1);
    },
  );

  it('keeps shapes apart: another operator, list length, null or key is another template', async () => {
    const templates = new QueryTemplates();
    const query = vi.fn(caseQuery);
    const filters: FilterQuery<Case>[] = [
      { status: { $in: ['NEW'] } },
      { status: { $in: ['NEW', 'ESCALATED'] } },
      { status: { $nin: ['NEW'] } },
      { assignee: null },
      { assignee: '019bfcc0-ea60-7fe2-acdf-a06071612ea8' },
    ];
    for (const where of filters)
      expect(await templates.build('k', where, query)).toEqual(await direct(where));
    expect(query).toHaveBeenCalledTimes(filters.length);
    // The caller's key separates what the filter does not show (page size, scope).
    await templates.build('other', filters[0]!, query);
    expect(query).toHaveBeenCalledTimes(filters.length + 1);
  });

  it('builds every time a filter whose values the ORM converts (big integers)', async () => {
    const templates = new QueryTemplates();
    const query = vi.fn(caseQuery);
    for (const fen of [500_00, 1_250_00]) {
      const where = { outstandingFen: { $gte: fen } };
      expect(await templates.build('k', where, query)).toEqual(await direct(where));
    }
    // Once to find the shape unfit, then the plain build for each filter.
    expect(query).toHaveBeenCalledTimes(3);
  });

  it('stops remembering shapes at its capacity, and still answers', async () => {
    const templates = new QueryTemplates(1);
    const query = vi.fn(caseQuery);
    const [first] = SAME_SHAPE[0]!;
    const [other] = SAME_SHAPE[1]!;
    await templates.build('k', first, query);
    expect(await templates.build('k', other, query)).toEqual(await direct(other));
    expect(await templates.build('k', other, query)).toEqual(await direct(other));
    expect(query).toHaveBeenCalledTimes(3);
  });
});
