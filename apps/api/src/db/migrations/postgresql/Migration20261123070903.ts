import { Migration } from '@mikro-orm/migrations';

export class Migration20261123070903 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`drop index "contact_institution_id_case_id_occurred_at_index";`);

    this.addSql(`create index "contact_institution_id_case_id_occurred_at_id_index" on "contact" ("institution_id", "case_id", "occurred_at", "id");`);

    this.addSql(`drop index "visit_institution_id_case_id_window_start_index";`);

    this.addSql(`create index "visit_institution_id_case_id_window_start_id_index" on "visit" ("institution_id", "case_id", "window_start", "id");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "contact_institution_id_case_id_occurred_at_id_index";`);

    this.addSql(`create index "contact_institution_id_case_id_occurred_at_index" on "contact" ("institution_id", "case_id", "occurred_at");`);

    this.addSql(`drop index "visit_institution_id_case_id_window_start_id_index";`);

    this.addSql(`create index "visit_institution_id_case_id_window_start_index" on "visit" ("institution_id", "case_id", "window_start");`);
  }

}
