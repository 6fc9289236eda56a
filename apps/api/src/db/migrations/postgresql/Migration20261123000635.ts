import { Migration } from '@mikro-orm/migrations';
import { encryptStoredPersonalData } from '../../encrypt-stored-personal-data.js';

/** Encrypts personal data stored before encryption at rest, then makes its blind index required. */
export class Migration20261123000635 extends Migration {
  override async up(): Promise<void> {
    await encryptStoredPersonalData((sql, params) => this.execute(sql, params), new Date());
    this.addSql(`alter table "borrower" alter column "national_id_index" set not null;`);
    this.addSql(
      `alter table "borrower" add constraint "borrower_institution_id_national_id_index_unique" unique ("institution_id", "national_id_index");`,
    );
  }
}
