import { Migration } from '@mikro-orm/migrations';

export class Migration20261123011414 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "collection_task" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "institution_id" uuid not null, "case_id" uuid not null, "kind" text check ("kind" in ('FOLLOW_UP', 'BROKEN_PROMISE', 'HARDSHIP_REVIEW', 'VISIT_FOLLOW_UP')) not null, "status" text check ("status" in ('OPEN', 'DONE', 'CANCELLED')) not null default 'OPEN', "due_date" date not null, "assignee_id" uuid null, "note" text not null, "dedupe_key" varchar(120) not null, "completed_at" timestamptz null, "completed_by_id" uuid null, constraint "collection_task_pkey" primary key ("id"));`);
    this.addSql(`create index "collection_task_institution_id_case_id_index" on "collection_task" ("institution_id", "case_id");`);
    this.addSql(`create index "collection_task_institution_id_status_due_date_index" on "collection_task" ("institution_id", "status", "due_date");`);
    this.addSql(`alter table "collection_task" add constraint "collection_task_institution_id_dedupe_key_unique" unique ("institution_id", "dedupe_key");`);

    this.addSql(`create table "repayment_plan" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "institution_id" uuid not null, "case_id" uuid not null, "kind" text check ("kind" in ('PROMISE', 'INSTALLMENT', 'EXTENSION')) not null, "hardship" boolean not null default false, "status" text check ("status" in ('ACTIVE', 'KEPT', 'BROKEN', 'CANCELLED')) not null default 'ACTIVE', "total_fen" bigint not null, "paid_fen" bigint not null default 0, "created_by_id" uuid null, "visit_id" uuid null, "note" text null, "closed_at" timestamptz null, "version" int not null default 1, constraint "repayment_plan_pkey" primary key ("id"));`);
    this.addSql(`create index "repayment_plan_institution_id_status_index" on "repayment_plan" ("institution_id", "status");`);
    this.addSql(`create index "repayment_plan_institution_id_case_id_status_index" on "repayment_plan" ("institution_id", "case_id", "status");`);

    this.addSql(`create table "payment" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "institution_id" uuid not null, "case_id" uuid not null, "plan_id" uuid null, "amount_fen" bigint not null, "paid_at" timestamptz not null, "channel" text check ("channel" in ('BANK_TRANSFER', 'CARD', 'CASH', 'ALIPAY', 'WECHAT_PAY', 'OTHER')) not null, "external_ref" varchar(100) not null, "allocations" jsonb not null, "unallocated_fen" bigint not null default 0, "recorded_by_id" uuid null, constraint "payment_pkey" primary key ("id"));`);
    this.addSql(`create index "payment_institution_id_paid_at_index" on "payment" ("institution_id", "paid_at");`);
    this.addSql(`create index "payment_institution_id_case_id_paid_at_index" on "payment" ("institution_id", "case_id", "paid_at");`);
    this.addSql(`alter table "payment" add constraint "payment_institution_id_external_ref_unique" unique ("institution_id", "external_ref");`);

    this.addSql(`create table "plan_installment" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "institution_id" uuid not null, "plan_id" uuid not null, "sequence" int not null, "due_date" date not null, "amount_fen" bigint not null, "paid_fen" bigint not null default 0, constraint "plan_installment_pkey" primary key ("id"));`);
    this.addSql(`alter table "plan_installment" add constraint "plan_installment_plan_id_sequence_unique" unique ("plan_id", "sequence");`);

    this.addSql(`create table "case_hold" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "institution_id" uuid not null, "case_id" uuid not null, "kind" text check ("kind" in ('DISPUTE', 'COMPLAINT', 'HARDSHIP_PLAN', 'CEASE_CHANNEL')) not null, "channel" varchar(16) null, "reason" text not null, "placed_at" timestamptz not null, "placed_by_id" uuid null, "feedback_id" uuid null, "plan_id" uuid null, "released_at" timestamptz null, "released_by_id" uuid null, "release_note" text null, constraint "case_hold_pkey" primary key ("id"));`);
    this.addSql(`create index "case_hold_institution_id_case_id_released_at_index" on "case_hold" ("institution_id", "case_id", "released_at");`);

    this.addSql(`alter table "collection_task" add constraint "collection_task_institution_id_foreign" foreign key ("institution_id") references "institution" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "collection_task" add constraint "collection_task_case_id_foreign" foreign key ("case_id") references "collection_case" ("id") on update cascade;`);
    this.addSql(`alter table "collection_task" add constraint "collection_task_assignee_id_foreign" foreign key ("assignee_id") references "user" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "collection_task" add constraint "collection_task_completed_by_id_foreign" foreign key ("completed_by_id") references "user" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "repayment_plan" add constraint "repayment_plan_institution_id_foreign" foreign key ("institution_id") references "institution" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "repayment_plan" add constraint "repayment_plan_case_id_foreign" foreign key ("case_id") references "collection_case" ("id") on update cascade;`);
    this.addSql(`alter table "repayment_plan" add constraint "repayment_plan_created_by_id_foreign" foreign key ("created_by_id") references "user" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "repayment_plan" add constraint "repayment_plan_visit_id_foreign" foreign key ("visit_id") references "visit" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "payment" add constraint "payment_institution_id_foreign" foreign key ("institution_id") references "institution" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "payment" add constraint "payment_case_id_foreign" foreign key ("case_id") references "collection_case" ("id") on update cascade;`);
    this.addSql(`alter table "payment" add constraint "payment_plan_id_foreign" foreign key ("plan_id") references "repayment_plan" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "payment" add constraint "payment_recorded_by_id_foreign" foreign key ("recorded_by_id") references "user" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "plan_installment" add constraint "plan_installment_institution_id_foreign" foreign key ("institution_id") references "institution" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "plan_installment" add constraint "plan_installment_plan_id_foreign" foreign key ("plan_id") references "repayment_plan" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "case_hold" add constraint "case_hold_institution_id_foreign" foreign key ("institution_id") references "institution" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "case_hold" add constraint "case_hold_case_id_foreign" foreign key ("case_id") references "collection_case" ("id") on update cascade;`);
    this.addSql(`alter table "case_hold" add constraint "case_hold_placed_by_id_foreign" foreign key ("placed_by_id") references "user" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "case_hold" add constraint "case_hold_feedback_id_foreign" foreign key ("feedback_id") references "feedback" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "case_hold" add constraint "case_hold_plan_id_foreign" foreign key ("plan_id") references "repayment_plan" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "case_hold" add constraint "case_hold_released_by_id_foreign" foreign key ("released_by_id") references "user" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "institution" add column "rule_pack_overrides" jsonb null, add column "holiday_calendar" boolean not null default false, add column "escalation_ladder" jsonb null;`);

    this.addSql(`alter table "borrower" add column "consent_window_start" varchar(5) null, add column "consent_window_end" varchar(5) null, add column "consent_recorded_at" timestamptz null, add column "consent_evidence" varchar(200) null;`);

    this.addSql(`alter table "collection_case" add column "hardship_requested_at" timestamptz null;`);

    this.addSql(`alter table "contact" add column "dialed_number_index" varchar(64) null;`);

    this.addSql(`alter table "visit" add column "check_in_latitude" double precision null, add column "check_in_longitude" double precision null, add column "id_shown" boolean null, add column "consent_to_enter" boolean null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "payment" drop constraint "payment_plan_id_foreign";`);

    this.addSql(`alter table "plan_installment" drop constraint "plan_installment_plan_id_foreign";`);

    this.addSql(`alter table "case_hold" drop constraint "case_hold_plan_id_foreign";`);

    this.addSql(`drop table if exists "collection_task" cascade;`);

    this.addSql(`drop table if exists "repayment_plan" cascade;`);

    this.addSql(`drop table if exists "payment" cascade;`);

    this.addSql(`drop table if exists "plan_installment" cascade;`);

    this.addSql(`drop table if exists "case_hold" cascade;`);

    this.addSql(`alter table "borrower" drop column "consent_window_start", drop column "consent_window_end", drop column "consent_recorded_at", drop column "consent_evidence";`);

    this.addSql(`alter table "collection_case" drop column "hardship_requested_at";`);

    this.addSql(`alter table "contact" drop column "dialed_number_index";`);

    this.addSql(`alter table "institution" drop column "rule_pack_overrides", drop column "holiday_calendar", drop column "escalation_ladder";`);

    this.addSql(`alter table "visit" drop column "check_in_latitude", drop column "check_in_longitude", drop column "id_shown", drop column "consent_to_enter";`);
  }

}
