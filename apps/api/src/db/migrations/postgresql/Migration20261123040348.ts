import { Migration } from '@mikro-orm/migrations';

/**
 * The supervisor's case list: one institution, one bucket (an overdue_since range), ordered by
 * priority desc, id desc, 51 rows. Read backwards, this index yields the cases already in that
 * order and checks overdue_since inside the index, so the page stops after 51 matching rows
 * instead of fetching and sorting the whole bucket; when few cases match, the walk stays in
 * the index (no heap reads). The bucket's count keeps the (institution_id, overdue_since)
 * index, which answers it with an index-only range scan.
 */
export class Migration20261123040348 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create index "collection_case_institution_id_priority_id_overdue_since_index" on "collection_case" ("institution_id", "priority", "id", "overdue_since");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "collection_case_institution_id_priority_id_overdue_since_index";`);
  }

}
