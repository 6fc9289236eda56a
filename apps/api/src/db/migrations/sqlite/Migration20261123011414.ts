import { Migration } from '@mikro-orm/migrations';

export class Migration20261123011414 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`collection_task\` (\`id\` text not null, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`institution_id\` text not null, \`case_id\` text not null, \`kind\` text check (\`kind\` in ('FOLLOW_UP', 'BROKEN_PROMISE', 'HARDSHIP_REVIEW', 'VISIT_FOLLOW_UP')) not null, \`status\` text check (\`status\` in ('OPEN', 'DONE', 'CANCELLED')) not null default 'OPEN', \`due_date\` date not null, \`assignee_id\` text null, \`note\` text not null, \`dedupe_key\` text not null, \`completed_at\` datetime null, \`completed_by_id\` text null, constraint \`collection_task_institution_id_foreign\` foreign key(\`institution_id\`) references \`institution\`(\`id\`) on delete restrict on update cascade, constraint \`collection_task_case_id_foreign\` foreign key(\`case_id\`) references \`collection_case\`(\`id\`) on update cascade, constraint \`collection_task_assignee_id_foreign\` foreign key(\`assignee_id\`) references \`user\`(\`id\`) on delete set null on update cascade, constraint \`collection_task_completed_by_id_foreign\` foreign key(\`completed_by_id\`) references \`user\`(\`id\`) on delete set null on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`collection_task_institution_id_index\` on \`collection_task\` (\`institution_id\`);`);
    this.addSql(`create index \`collection_task_case_id_index\` on \`collection_task\` (\`case_id\`);`);
    this.addSql(`create index \`collection_task_assignee_id_index\` on \`collection_task\` (\`assignee_id\`);`);
    this.addSql(`create index \`collection_task_completed_by_id_index\` on \`collection_task\` (\`completed_by_id\`);`);
    this.addSql(`create index \`collection_task_institution_id_case_id_index\` on \`collection_task\` (\`institution_id\`, \`case_id\`);`);
    this.addSql(`create index \`collection_task_institution_id_status_due_date_index\` on \`collection_task\` (\`institution_id\`, \`status\`, \`due_date\`);`);
    this.addSql(`create unique index \`collection_task_institution_id_dedupe_key_unique\` on \`collection_task\` (\`institution_id\`, \`dedupe_key\`);`);

    this.addSql(`create table \`repayment_plan\` (\`id\` text not null, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`institution_id\` text not null, \`case_id\` text not null, \`kind\` text check (\`kind\` in ('PROMISE', 'INSTALLMENT', 'EXTENSION')) not null, \`hardship\` integer not null default false, \`status\` text check (\`status\` in ('ACTIVE', 'KEPT', 'BROKEN', 'CANCELLED')) not null default 'ACTIVE', \`total_fen\` bigint not null, \`paid_fen\` bigint not null default 0, \`created_by_id\` text null, \`visit_id\` text null, \`note\` text null, \`closed_at\` datetime null, \`version\` integer not null default 1, constraint \`repayment_plan_institution_id_foreign\` foreign key(\`institution_id\`) references \`institution\`(\`id\`) on delete restrict on update cascade, constraint \`repayment_plan_case_id_foreign\` foreign key(\`case_id\`) references \`collection_case\`(\`id\`) on update cascade, constraint \`repayment_plan_created_by_id_foreign\` foreign key(\`created_by_id\`) references \`user\`(\`id\`) on delete set null on update cascade, constraint \`repayment_plan_visit_id_foreign\` foreign key(\`visit_id\`) references \`visit\`(\`id\`) on delete set null on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`repayment_plan_institution_id_index\` on \`repayment_plan\` (\`institution_id\`);`);
    this.addSql(`create index \`repayment_plan_case_id_index\` on \`repayment_plan\` (\`case_id\`);`);
    this.addSql(`create index \`repayment_plan_created_by_id_index\` on \`repayment_plan\` (\`created_by_id\`);`);
    this.addSql(`create index \`repayment_plan_visit_id_index\` on \`repayment_plan\` (\`visit_id\`);`);
    this.addSql(`create index \`repayment_plan_institution_id_status_index\` on \`repayment_plan\` (\`institution_id\`, \`status\`);`);
    this.addSql(`create index \`repayment_plan_institution_id_case_id_status_index\` on \`repayment_plan\` (\`institution_id\`, \`case_id\`, \`status\`);`);

    this.addSql(`create table \`payment\` (\`id\` text not null, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`institution_id\` text not null, \`case_id\` text not null, \`plan_id\` text null, \`amount_fen\` bigint not null, \`paid_at\` datetime not null, \`channel\` text check (\`channel\` in ('BANK_TRANSFER', 'CARD', 'CASH', 'ALIPAY', 'WECHAT_PAY', 'OTHER')) not null, \`external_ref\` text not null, \`allocations\` json not null, \`unallocated_fen\` bigint not null default 0, \`recorded_by_id\` text null, constraint \`payment_institution_id_foreign\` foreign key(\`institution_id\`) references \`institution\`(\`id\`) on delete restrict on update cascade, constraint \`payment_case_id_foreign\` foreign key(\`case_id\`) references \`collection_case\`(\`id\`) on update cascade, constraint \`payment_plan_id_foreign\` foreign key(\`plan_id\`) references \`repayment_plan\`(\`id\`) on delete set null on update cascade, constraint \`payment_recorded_by_id_foreign\` foreign key(\`recorded_by_id\`) references \`user\`(\`id\`) on delete set null on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`payment_institution_id_index\` on \`payment\` (\`institution_id\`);`);
    this.addSql(`create index \`payment_case_id_index\` on \`payment\` (\`case_id\`);`);
    this.addSql(`create index \`payment_plan_id_index\` on \`payment\` (\`plan_id\`);`);
    this.addSql(`create index \`payment_recorded_by_id_index\` on \`payment\` (\`recorded_by_id\`);`);
    this.addSql(`create index \`payment_institution_id_paid_at_index\` on \`payment\` (\`institution_id\`, \`paid_at\`);`);
    this.addSql(`create index \`payment_institution_id_case_id_paid_at_index\` on \`payment\` (\`institution_id\`, \`case_id\`, \`paid_at\`);`);
    this.addSql(`create unique index \`payment_institution_id_external_ref_unique\` on \`payment\` (\`institution_id\`, \`external_ref\`);`);

    this.addSql(`create table \`plan_installment\` (\`id\` text not null, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`institution_id\` text not null, \`plan_id\` text not null, \`sequence\` integer not null, \`due_date\` date not null, \`amount_fen\` bigint not null, \`paid_fen\` bigint not null default 0, constraint \`plan_installment_institution_id_foreign\` foreign key(\`institution_id\`) references \`institution\`(\`id\`) on delete restrict on update cascade, constraint \`plan_installment_plan_id_foreign\` foreign key(\`plan_id\`) references \`repayment_plan\`(\`id\`) on delete cascade on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`plan_installment_institution_id_index\` on \`plan_installment\` (\`institution_id\`);`);
    this.addSql(`create index \`plan_installment_plan_id_index\` on \`plan_installment\` (\`plan_id\`);`);
    this.addSql(`create unique index \`plan_installment_plan_id_sequence_unique\` on \`plan_installment\` (\`plan_id\`, \`sequence\`);`);

    this.addSql(`create table \`case_hold\` (\`id\` text not null, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`institution_id\` text not null, \`case_id\` text not null, \`kind\` text check (\`kind\` in ('DISPUTE', 'COMPLAINT', 'HARDSHIP_PLAN', 'CEASE_CHANNEL')) not null, \`channel\` text null, \`reason\` text not null, \`placed_at\` datetime not null, \`placed_by_id\` text null, \`feedback_id\` text null, \`plan_id\` text null, \`released_at\` datetime null, \`released_by_id\` text null, \`release_note\` text null, constraint \`case_hold_institution_id_foreign\` foreign key(\`institution_id\`) references \`institution\`(\`id\`) on delete restrict on update cascade, constraint \`case_hold_case_id_foreign\` foreign key(\`case_id\`) references \`collection_case\`(\`id\`) on update cascade, constraint \`case_hold_placed_by_id_foreign\` foreign key(\`placed_by_id\`) references \`user\`(\`id\`) on delete set null on update cascade, constraint \`case_hold_feedback_id_foreign\` foreign key(\`feedback_id\`) references \`feedback\`(\`id\`) on delete set null on update cascade, constraint \`case_hold_plan_id_foreign\` foreign key(\`plan_id\`) references \`repayment_plan\`(\`id\`) on delete set null on update cascade, constraint \`case_hold_released_by_id_foreign\` foreign key(\`released_by_id\`) references \`user\`(\`id\`) on delete set null on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`case_hold_institution_id_index\` on \`case_hold\` (\`institution_id\`);`);
    this.addSql(`create index \`case_hold_case_id_index\` on \`case_hold\` (\`case_id\`);`);
    this.addSql(`create index \`case_hold_placed_by_id_index\` on \`case_hold\` (\`placed_by_id\`);`);
    this.addSql(`create index \`case_hold_feedback_id_index\` on \`case_hold\` (\`feedback_id\`);`);
    this.addSql(`create index \`case_hold_plan_id_index\` on \`case_hold\` (\`plan_id\`);`);
    this.addSql(`create index \`case_hold_released_by_id_index\` on \`case_hold\` (\`released_by_id\`);`);
    this.addSql(`create index \`case_hold_institution_id_case_id_released_at_index\` on \`case_hold\` (\`institution_id\`, \`case_id\`, \`released_at\`);`);

    this.addSql(`alter table \`institution\` add column \`rule_pack_overrides\` json null;`);
    this.addSql(`alter table \`institution\` add column \`holiday_calendar\` integer not null default false;`);
    this.addSql(`alter table \`institution\` add column \`escalation_ladder\` json null;`);

    this.addSql(`alter table \`borrower\` add column \`consent_window_start\` text null;`);
    this.addSql(`alter table \`borrower\` add column \`consent_window_end\` text null;`);
    this.addSql(`alter table \`borrower\` add column \`consent_recorded_at\` datetime null;`);
    this.addSql(`alter table \`borrower\` add column \`consent_evidence\` text null;`);

    this.addSql(`alter table \`collection_case\` add column \`hardship_requested_at\` datetime null;`);

    this.addSql(`alter table \`contact\` add column \`dialed_number_index\` text null;`);

    this.addSql(`alter table \`visit\` add column \`check_in_latitude\` double null;`);
    this.addSql(`alter table \`visit\` add column \`check_in_longitude\` double null;`);
    this.addSql(`alter table \`visit\` add column \`id_shown\` integer null;`);
    this.addSql(`alter table \`visit\` add column \`consent_to_enter\` integer null;`);
  }

}
