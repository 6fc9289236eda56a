import { Migration } from '@mikro-orm/migrations';

// MikroORM also proposed rebuilding every table with a foreign key (it cannot diff SQLite
// foreign keys); those no-op rebuilds were removed. The migrations test checks the result.
export class Migration20261123040348 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create index \`collection_case_institution_id_priority_id_overdue_since_index\` on \`collection_case\` (\`institution_id\`, \`priority\`, \`id\`, \`overdue_since\`);`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index \`collection_case_institution_id_priority_id_overdue_since_index\`;`);
  }

}
