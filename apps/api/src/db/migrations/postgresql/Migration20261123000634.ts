import { Migration } from '@mikro-orm/migrations';
import { POSTGRESQL_AUDIT_GUARD } from '../../../modules/audit/audit-guard.sql.js';

export class Migration20261123000634 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "borrower_phone_index" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "institution_id" uuid not null, "borrower_id" uuid not null, "phone_index" varchar(64) not null, constraint "borrower_phone_index_pkey" primary key ("id"));`);
    this.addSql(`create index "borrower_phone_index_institution_id_phone_index_index" on "borrower_phone_index" ("institution_id", "phone_index");`);
    this.addSql(`alter table "borrower_phone_index" add constraint "borrower_phone_index_borrower_id_phone_index_unique" unique ("borrower_id", "phone_index");`);

    this.addSql(`create table "audit_event" ("id" uuid not null, "institution_id" uuid not null, "sequence" int not null, "occurred_at" timestamptz not null, "actor" varchar(100) not null, "action" varchar(100) not null, "entity_type" varchar(64) not null, "entity_id" varchar(200) not null, "before" jsonb null, "after" jsonb null, "request_id" varchar(64) null, "prev_hash" varchar(64) null, "hash" varchar(64) not null, constraint "audit_event_pkey" primary key ("id"));`);
    this.addSql(`create index "audit_event_institution_id_entity_type_entity_id_index" on "audit_event" ("institution_id", "entity_type", "entity_id");`);
    this.addSql(`alter table "audit_event" add constraint "audit_event_institution_id_sequence_unique" unique ("institution_id", "sequence");`);

    this.addSql(`create table "session" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "institution_id" uuid not null, "user_id" uuid not null, "refresh_token_hash" varchar(64) not null, "expires_at" timestamptz not null, "revoked_at" timestamptz null, constraint "session_pkey" primary key ("id"));`);
    this.addSql(`alter table "session" add constraint "session_refresh_token_hash_unique" unique ("refresh_token_hash");`);
    this.addSql(`create index "session_institution_id_user_id_index" on "session" ("institution_id", "user_id");`);

    this.addSql(`create table "partner_app" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "institution_id" uuid not null, "name" varchar(100) not null, "scopes" jsonb not null, "key_prefix" varchar(16) not null, "key_hash" varchar(64) not null, "created_by_id" uuid null, "last_used_at" timestamptz null, "revoked_at" timestamptz null, constraint "partner_app_pkey" primary key ("id"));`);
    this.addSql(`alter table "partner_app" add constraint "partner_app_key_prefix_unique" unique ("key_prefix");`);
    this.addSql(`create index "partner_app_institution_id_created_at_index" on "partner_app" ("institution_id", "created_at");`);

    this.addSql(`alter table "borrower_phone_index" add constraint "borrower_phone_index_institution_id_foreign" foreign key ("institution_id") references "institution" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "borrower_phone_index" add constraint "borrower_phone_index_borrower_id_foreign" foreign key ("borrower_id") references "borrower" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "audit_event" add constraint "audit_event_institution_id_foreign" foreign key ("institution_id") references "institution" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "session" add constraint "session_institution_id_foreign" foreign key ("institution_id") references "institution" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "session" add constraint "session_user_id_foreign" foreign key ("user_id") references "user" ("id") on update cascade;`);

    this.addSql(`alter table "partner_app" add constraint "partner_app_institution_id_foreign" foreign key ("institution_id") references "institution" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "partner_app" add constraint "partner_app_created_by_id_foreign" foreign key ("created_by_id") references "user" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "borrower" drop constraint "borrower_institution_id_national_id_unique";`);

    this.addSql(`alter table "borrower" add column "national_id_index" varchar(64) null;`);
    this.addSql(`alter table "borrower" alter column "national_id" type text using ("national_id"::text);`);
    this.addSql(`alter table "borrower" alter column "phones" type text using ("phones"::text);`);

    this.addSql(`alter table "third_party" alter column "phone" type text using ("phone"::text);`);

    this.addSql(`alter table "user" add column "failed_logins" int not null default 0, add column "locked_until" timestamptz null;`);

    // Audit events are append-only, enforced by the database itself.
    for (const statement of POSTGRESQL_AUDIT_GUARD) this.addSql(statement);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "borrower_phone_index" cascade;`);

    this.addSql(`drop table if exists "audit_event" cascade;`);

    this.addSql(`drop table if exists "session" cascade;`);

    this.addSql(`drop table if exists "partner_app" cascade;`);

    this.addSql(`alter table "borrower" drop constraint "borrower_institution_id_national_id_index_unique";`);
    this.addSql(`alter table "borrower" drop column "national_id_index";`);

    this.addSql(`alter table "borrower" alter column "national_id" type varchar(18) using ("national_id"::varchar(18));`);
    this.addSql(`alter table "borrower" alter column "phones" type jsonb using ("phones"::jsonb);`);
    this.addSql(`alter table "borrower" add constraint "borrower_institution_id_national_id_unique" unique ("institution_id", "national_id");`);

    this.addSql(`alter table "third_party" alter column "phone" type varchar(20) using ("phone"::varchar(20));`);

    this.addSql(`alter table "user" drop column "failed_logins", drop column "locked_until";`);
  }

}
