import { Migration } from '@mikro-orm/migrations';

const TENANT = `nullif(current_setting('arrears.institution_id', true), '')`;

/** Row-level security on the workflow tables, the same policy as Migration20261123003500. */
export class Migration20261123011415 extends Migration {
  override async up(): Promise<void> {
    for (const table of [
      'case_hold',
      'repayment_plan',
      'plan_installment',
      'payment',
      'collection_task',
    ]) {
      const rule = `${TENANT} is null or institution_id = ${TENANT}::uuid`;
      this.addSql(`alter table "${table}" enable row level security;`);
      this.addSql(`alter table "${table}" force row level security;`);
      this.addSql(
        `create policy tenant_isolation on "${table}" using (${rule}) with check (${rule});`,
      );
    }
  }
}
