import { Migration } from '@mikro-orm/migrations';
import { encryptStoredPersonalData } from '../../encrypt-stored-personal-data.js';

/**
 * Encrypts personal data stored before encryption at rest, then rebuilds the borrower table
 * (SQLite's only way to make a column required) with the blind index not null and unique.
 */
export class Migration20261123000635 extends Migration {
  override async up(): Promise<void> {
    await encryptStoredPersonalData((sql, params) => this.execute(sql, params), Date.now());
    this.addSql(
      `create table \`borrower__temp_alter\` (\`id\` text not null, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`institution_id\` text not null, \`full_name\` text not null, \`national_id\` text not null, \`national_id_index\` text not null, \`phones\` text not null, \`email\` text null, \`province\` text not null, \`city\` text not null, \`district\` text not null, \`address_detail\` text not null, \`employer\` text null, \`monthly_income_fen\` bigint null, \`credit_score\` integer null, \`time_zone\` text null, constraint \`borrower_institution_id_foreign\` foreign key(\`institution_id\`) references \`institution\`(\`id\`) on delete restrict on update cascade, primary key (\`id\`));`,
    );
    this.addSql(
      `insert into \`borrower__temp_alter\` select \`id\`, \`created_at\`, \`updated_at\`, \`institution_id\`, \`full_name\`, \`national_id\`, \`national_id_index\`, \`phones\`, \`email\`, \`province\`, \`city\`, \`district\`, \`address_detail\`, \`employer\`, \`monthly_income_fen\`, \`credit_score\`, \`time_zone\` from \`borrower\`;`,
    );
    this.addSql(`drop table \`borrower\`;`);
    this.addSql(`alter table \`borrower__temp_alter\` rename to \`borrower\`;`);
    this.addSql(`create index \`borrower_institution_id_index\` on \`borrower\` (\`institution_id\`);`);
    this.addSql(`create index \`borrower_institution_id_full_name_index\` on \`borrower\` (\`institution_id\`, \`full_name\`);`);
    this.addSql(
      `create unique index \`borrower_institution_id_national_id_index_unique\` on \`borrower\` (\`institution_id\`, \`national_id_index\`);`,
    );
  }
}
