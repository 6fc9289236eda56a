import { Migration } from '@mikro-orm/migrations';

/**
 * Row-level security on every tenant table, keyed on the session setting the API sets per
 * request (see src/db/tenant-session.ts). Forced, so it binds the tables' owner too; only a
 * superuser or a BYPASSRLS role passes it, and the API must not run as either in production.
 */
export class Migration20261123003500 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "borrower" enable row level security;`);
    this.addSql(`alter table "borrower" force row level security;`);
    this.addSql(
      `create policy tenant_isolation on "borrower" using (nullif(current_setting('arrears.institution_id', true), '') is null or institution_id = nullif(current_setting('arrears.institution_id', true), '')::uuid) with check (nullif(current_setting('arrears.institution_id', true), '') is null or institution_id = nullif(current_setting('arrears.institution_id', true), '')::uuid);`,
    );
    this.addSql(`alter table "borrower_phone_index" enable row level security;`);
    this.addSql(`alter table "borrower_phone_index" force row level security;`);
    this.addSql(
      `create policy tenant_isolation on "borrower_phone_index" using (nullif(current_setting('arrears.institution_id', true), '') is null or institution_id = nullif(current_setting('arrears.institution_id', true), '')::uuid) with check (nullif(current_setting('arrears.institution_id', true), '') is null or institution_id = nullif(current_setting('arrears.institution_id', true), '')::uuid);`,
    );
    this.addSql(`alter table "third_party" enable row level security;`);
    this.addSql(`alter table "third_party" force row level security;`);
    this.addSql(
      `create policy tenant_isolation on "third_party" using (nullif(current_setting('arrears.institution_id', true), '') is null or institution_id = nullif(current_setting('arrears.institution_id', true), '')::uuid) with check (nullif(current_setting('arrears.institution_id', true), '') is null or institution_id = nullif(current_setting('arrears.institution_id', true), '')::uuid);`,
    );
    this.addSql(`alter table "collection_case" enable row level security;`);
    this.addSql(`alter table "collection_case" force row level security;`);
    this.addSql(
      `create policy tenant_isolation on "collection_case" using (nullif(current_setting('arrears.institution_id', true), '') is null or institution_id = nullif(current_setting('arrears.institution_id', true), '')::uuid) with check (nullif(current_setting('arrears.institution_id', true), '') is null or institution_id = nullif(current_setting('arrears.institution_id', true), '')::uuid);`,
    );
    this.addSql(`alter table "contact" enable row level security;`);
    this.addSql(`alter table "contact" force row level security;`);
    this.addSql(
      `create policy tenant_isolation on "contact" using (nullif(current_setting('arrears.institution_id', true), '') is null or institution_id = nullif(current_setting('arrears.institution_id', true), '')::uuid) with check (nullif(current_setting('arrears.institution_id', true), '') is null or institution_id = nullif(current_setting('arrears.institution_id', true), '')::uuid);`,
    );
    this.addSql(`alter table "visit" enable row level security;`);
    this.addSql(`alter table "visit" force row level security;`);
    this.addSql(
      `create policy tenant_isolation on "visit" using (nullif(current_setting('arrears.institution_id', true), '') is null or institution_id = nullif(current_setting('arrears.institution_id', true), '')::uuid) with check (nullif(current_setting('arrears.institution_id', true), '') is null or institution_id = nullif(current_setting('arrears.institution_id', true), '')::uuid);`,
    );
    this.addSql(`alter table "visit_collector" enable row level security;`);
    this.addSql(`alter table "visit_collector" force row level security;`);
    this.addSql(
      `create policy tenant_isolation on "visit_collector" using (nullif(current_setting('arrears.institution_id', true), '') is null or institution_id = nullif(current_setting('arrears.institution_id', true), '')::uuid) with check (nullif(current_setting('arrears.institution_id', true), '') is null or institution_id = nullif(current_setting('arrears.institution_id', true), '')::uuid);`,
    );
    this.addSql(`alter table "feedback" enable row level security;`);
    this.addSql(`alter table "feedback" force row level security;`);
    this.addSql(
      `create policy tenant_isolation on "feedback" using (nullif(current_setting('arrears.institution_id', true), '') is null or institution_id = nullif(current_setting('arrears.institution_id', true), '')::uuid) with check (nullif(current_setting('arrears.institution_id', true), '') is null or institution_id = nullif(current_setting('arrears.institution_id', true), '')::uuid);`,
    );
    this.addSql(`alter table "user" enable row level security;`);
    this.addSql(`alter table "user" force row level security;`);
    this.addSql(
      `create policy tenant_isolation on "user" using (nullif(current_setting('arrears.institution_id', true), '') is null or institution_id = nullif(current_setting('arrears.institution_id', true), '')::uuid) with check (nullif(current_setting('arrears.institution_id', true), '') is null or institution_id = nullif(current_setting('arrears.institution_id', true), '')::uuid);`,
    );
    this.addSql(`alter table "session" enable row level security;`);
    this.addSql(`alter table "session" force row level security;`);
    this.addSql(
      `create policy tenant_isolation on "session" using (nullif(current_setting('arrears.institution_id', true), '') is null or institution_id = nullif(current_setting('arrears.institution_id', true), '')::uuid) with check (nullif(current_setting('arrears.institution_id', true), '') is null or institution_id = nullif(current_setting('arrears.institution_id', true), '')::uuid);`,
    );
    this.addSql(`alter table "partner_app" enable row level security;`);
    this.addSql(`alter table "partner_app" force row level security;`);
    this.addSql(
      `create policy tenant_isolation on "partner_app" using (nullif(current_setting('arrears.institution_id', true), '') is null or institution_id = nullif(current_setting('arrears.institution_id', true), '')::uuid) with check (nullif(current_setting('arrears.institution_id', true), '') is null or institution_id = nullif(current_setting('arrears.institution_id', true), '')::uuid);`,
    );
    this.addSql(`alter table "audit_event" enable row level security;`);
    this.addSql(`alter table "audit_event" force row level security;`);
    this.addSql(
      `create policy tenant_isolation on "audit_event" using (nullif(current_setting('arrears.institution_id', true), '') is null or institution_id = nullif(current_setting('arrears.institution_id', true), '')::uuid) with check (nullif(current_setting('arrears.institution_id', true), '') is null or institution_id = nullif(current_setting('arrears.institution_id', true), '')::uuid);`,
    );
    this.addSql(`alter table "idempotency_record" enable row level security;`);
    this.addSql(`alter table "idempotency_record" force row level security;`);
    this.addSql(
      `create policy tenant_isolation on "idempotency_record" using (nullif(current_setting('arrears.institution_id', true), '') is null or institution_id = nullif(current_setting('arrears.institution_id', true), '')::uuid) with check (nullif(current_setting('arrears.institution_id', true), '') is null or institution_id = nullif(current_setting('arrears.institution_id', true), '')::uuid);`,
    );
    this.addSql(`alter table "institution" enable row level security;`);
    this.addSql(`alter table "institution" force row level security;`);
    this.addSql(
      `create policy tenant_isolation on "institution" using (nullif(current_setting('arrears.institution_id', true), '') is null or id = nullif(current_setting('arrears.institution_id', true), '')::uuid) with check (nullif(current_setting('arrears.institution_id', true), '') is null or id = nullif(current_setting('arrears.institution_id', true), '')::uuid);`,
    );
  }
}
