import { v7 as uuidv7 } from 'uuid';
import { blindIndex, encryptField } from '../security/field-encryption.js';

/** Runs one statement inside the migration's transaction and returns its rows. */
export type ExecuteSql = (sql: string, params?: unknown[]) => Promise<Record<string, unknown>[]>;

/**
 * National IDs and phones written before encryption at rest existed are plain text: this
 * encrypts them in place and builds their blind indexes, so an existing database keeps its
 * borrowers across the upgrade. `now` is a timestamp as the dialect stores one.
 */
export async function encryptStoredPersonalData(execute: ExecuteSql, now: unknown): Promise<void> {
  const borrowers = await execute('select id, institution_id, national_id, phones from borrower');
  for (const row of borrowers) {
    const nationalId = String(row.national_id);
    // A json column comes back parsed on PostgreSQL and as text on SQLite.
    const phones = (
      typeof row.phones === 'string' ? JSON.parse(row.phones) : row.phones
    ) as string[];
    await execute(
      'update borrower set national_id = ?, national_id_index = ?, phones = ? where id = ?',
      [
        encryptField(nationalId),
        blindIndex(nationalId),
        encryptField(JSON.stringify(phones)),
        row.id,
      ],
    );
    for (const phone of new Set(phones)) {
      await execute(
        'insert into borrower_phone_index (id, created_at, updated_at, institution_id, borrower_id, phone_index) values (?, ?, ?, ?, ?, ?)',
        [uuidv7(), now, now, row.institution_id, row.id, blindIndex(phone)],
      );
    }
  }
  const thirdParties = await execute('select id, phone from third_party');
  for (const row of thirdParties) {
    await execute('update third_party set phone = ? where id = ?', [
      encryptField(String(row.phone)),
      row.id,
    ]);
  }
}
