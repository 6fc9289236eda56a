import { Migration } from '@mikro-orm/migrations';

export class Migration20261123001004 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "idempotency_record" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "institution_id" uuid not null, "scope" varchar(80) not null, "key" varchar(128) not null, "operation" varchar(40) not null, "request_hash" varchar(64) not null, "result_ref" varchar(64) not null, constraint "idempotency_record_pkey" primary key ("id"));`);
    this.addSql(`alter table "idempotency_record" add constraint "idempotency_record_scope_key_unique" unique ("scope", "key");`);

    this.addSql(`alter table "idempotency_record" add constraint "idempotency_record_institution_id_foreign" foreign key ("institution_id") references "institution" ("id") on update cascade on delete restrict;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "idempotency_record" cascade;`);
  }

}
