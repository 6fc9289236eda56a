import { Migration } from '@mikro-orm/migrations';

// MikroORM also proposed rebuilding every table with a foreign key (it cannot diff SQLite
// foreign keys); those no-op rebuilds were removed. The migrations test checks the result.
export class Migration20261123001004 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`idempotency_record\` (\`id\` text not null, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`institution_id\` text not null, \`scope\` text not null, \`key\` text not null, \`operation\` text not null, \`request_hash\` text not null, \`result_ref\` text not null, constraint \`idempotency_record_institution_id_foreign\` foreign key(\`institution_id\`) references \`institution\`(\`id\`) on delete restrict on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`idempotency_record_institution_id_index\` on \`idempotency_record\` (\`institution_id\`);`);
    this.addSql(`create unique index \`idempotency_record_scope_key_unique\` on \`idempotency_record\` (\`scope\`, \`key\`);`);


  }

}
