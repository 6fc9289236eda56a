import { Migration } from '@mikro-orm/migrations';

/** Every table with the tenant_isolation policy, and the column that names its institution. */
const TENANT_TABLES: readonly (readonly [table: string, column: string])[] = [
  ['institution', 'id'],
  ['borrower', 'institution_id'],
  ['borrower_phone_index', 'institution_id'],
  ['third_party', 'institution_id'],
  ['collection_case', 'institution_id'],
  ['contact', 'institution_id'],
  ['visit', 'institution_id'],
  ['visit_collector', 'institution_id'],
  ['feedback', 'institution_id'],
  ['user', 'institution_id'],
  ['session', 'institution_id'],
  ['partner_app', 'institution_id'],
  ['audit_event', 'institution_id'],
  ['idempotency_record', 'institution_id'],
  ['case_hold', 'institution_id'],
  ['repayment_plan', 'institution_id'],
  ['plan_installment', 'institution_id'],
  ['payment', 'institution_id'],
  ['collection_task', 'institution_id'],
];

const TENANT = `nullif(current_setting('arrears.institution_id', true), '')`;

/** The same rule, with the session setting read once per statement (an init plan). */
const initPlanRule = (column: string) =>
  `(select ${TENANT}) is null or ${column} = (select ${TENANT}::uuid)`;

/** The rule as Migration20261123003500 and Migration20261123011415 wrote it: read per row. */
const perRowRule = (column: string) => `${TENANT} is null or ${column} = ${TENANT}::uuid`;

/**
 * The tenant_isolation policies, rewritten so PostgreSQL reads the tenant setting once per
 * statement instead of once per row: as a scalar subquery the setting becomes an init plan,
 * a parameter the planner estimates as an ordinary equality. The lock itself is unchanged:
 * the same rows pass, for reads (using) and writes (with check) alike.
 */
export class Migration20261123040000 extends Migration {
  override async up(): Promise<void> {
    for (const [table, column] of TENANT_TABLES) {
      const rule = initPlanRule(column);
      this.addSql(`alter policy tenant_isolation on "${table}" using (${rule}) with check (${rule});`);
    }
  }

  override async down(): Promise<void> {
    for (const [table, column] of TENANT_TABLES) {
      const rule = perRowRule(column);
      this.addSql(`alter policy tenant_isolation on "${table}" using (${rule}) with check (${rule});`);
    }
  }
}
