import {
  configureFieldEncryption,
  decryptField,
} from '@arrears/api/dist/security/field-encryption.js';
import pg from 'pg';
import { BENCH_DATA_KEY, BENCH_INSTITUTION } from './config.js';
import type { Pools } from './ops.js';

/** Every `count`-th row, spread evenly over the rows: the same picks for the same data. */
function spreadPick<T>(rows: T[], count: number): T[] {
  if (rows.length <= count) return rows;
  const step = rows.length / count;
  return Array.from({ length: count }, (_, i) => rows[Math.floor(i * step)]!);
}

/** The cases each operation works on, read from the loaded database (as its owner). */
export async function readPools(databaseUrl: string): Promise<Pools> {
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    const inst = await db.query<{ id: string }>('select id from institution where code = $1', [
      BENCH_INSTITUTION,
    ]);
    const institutionId = inst.rows[0]?.id;
    if (!institutionId)
      throw new Error(`no institution ${BENCH_INSTITUTION}: load a dataset first`);
    const all = await db.query<{ id: string }>(
      'select id from collection_case where institution_id = $1 order by loan_number',
      [institutionId],
    );
    const open = await db.query<{ id: string }>(
      `select c.id from collection_case c
        where c.institution_id = $1 and c.status <> 'CLOSED'
          and not exists (select 1 from case_hold h
                           where h.case_id = c.id and (h.released_at is null or h.released_at > now()))
        order by c.loan_number`,
      [institutionId],
    );
    const loans = await db.query<{
      id: string;
      borrower_id: string;
      loan_number: string;
      national_id: string;
    }>(
      `select c.id, c.borrower_id, c.loan_number, b.national_id
         from collection_case c join borrower b on b.id = c.borrower_id
        where c.institution_id = $1 and c.status <> 'CLOSED'
        order by c.loan_number`,
      [institutionId],
    );
    configureFieldEncryption(Buffer.from(BENCH_DATA_KEY, 'base64'));
    return {
      institutionId,
      institutionCode: BENCH_INSTITUTION,
      detailIds: spreadPick(all.rows, 500).map((r) => r.id),
      contactCases: spreadPick(open.rows, 2000).map((r) => r.id),
      feedbackCases: spreadPick(loans.rows, 500).map((r) => ({
        caseId: r.id,
        borrowerId: r.borrower_id,
        loanNumber: r.loan_number,
        lastFour: decryptField(r.national_id).slice(-4),
      })),
    };
  } finally {
    await db.end();
  }
}
