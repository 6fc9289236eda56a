import { Migration } from '@mikro-orm/migrations';

export class Migration20261122230124 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "institution" ("id" uuid not null, "code" varchar(16) not null, "name" varchar(200) not null, "time_zone" varchar(64) not null default 'Asia/Shanghai', "rule_pack" text check ("rule_pack" in ('CN', 'US_REG_F')) not null default 'CN', "created_at" timestamptz not null, constraint "institution_pkey" primary key ("id"));`);
    this.addSql(`alter table "institution" add constraint "institution_code_unique" unique ("code");`);

    this.addSql(`create table "borrower" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "institution_id" uuid not null, "full_name" varchar(100) not null, "national_id" varchar(18) not null, "phones" jsonb not null, "email" varchar(254) null, "province" varchar(50) not null, "city" varchar(50) not null, "district" varchar(50) not null, "address_detail" varchar(300) not null, "employer" varchar(200) null, "monthly_income_fen" bigint null, "credit_score" int null, "time_zone" varchar(64) null, constraint "borrower_pkey" primary key ("id"));`);
    this.addSql(`create index "borrower_institution_id_full_name_index" on "borrower" ("institution_id", "full_name");`);
    this.addSql(`alter table "borrower" add constraint "borrower_institution_id_national_id_unique" unique ("institution_id", "national_id");`);

    this.addSql(`create table "third_party" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "institution_id" uuid not null, "borrower_id" uuid not null, "full_name" varchar(100) not null, "relation" text check ("relation" in ('SPOUSE', 'PARENT', 'CHILD', 'SIBLING', 'RELATIVE', 'COLLEAGUE', 'FRIEND', 'GUARANTOR', 'OTHER')) not null, "phone" varchar(20) not null, "debt_related" boolean not null default false, "refused_contact" boolean not null default false, constraint "third_party_pkey" primary key ("id"));`);
    this.addSql(`create index "third_party_institution_id_borrower_id_index" on "third_party" ("institution_id", "borrower_id");`);

    this.addSql(`create table "user" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "institution_id" uuid not null, "email" varchar(254) not null, "display_name" varchar(100) not null, "role" text check ("role" in ('ADMIN', 'SUPERVISOR', 'COLLECTOR', 'AUDITOR')) not null, "password_hash" varchar(200) not null, "active" boolean not null default true, constraint "user_pkey" primary key ("id"));`);
    this.addSql(`alter table "user" add constraint "user_email_unique" unique ("email");`);
    this.addSql(`create index "user_institution_id_role_index" on "user" ("institution_id", "role");`);

    this.addSql(`create table "collection_case" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "institution_id" uuid not null, "loan_number" varchar(40) not null, "product" text check ("product" in ('CREDIT_LOAN', 'CREDIT_CARD', 'CONSUMER', 'BUSINESS', 'MORTGAGE')) not null, "borrower_id" uuid not null, "assignee_id" uuid null, "status" text check ("status" in ('NEW', 'IN_PROGRESS', 'PROMISED', 'ON_HOLD', 'ESCALATED', 'CLOSED')) not null default 'NEW', "stage" text check ("stage" in ('REMINDER', 'PHONE', 'VISIT', 'LEGAL')) not null default 'REMINDER', "close_reason" text check ("close_reason" in ('PAID_IN_FULL', 'SETTLED', 'WRITTEN_OFF', 'RECALLED', 'LEGAL_TRANSFER')) null, "principal_fen" bigint not null, "outstanding_fen" bigint not null, "overdue_fen" bigint not null, "overdue_since" date not null, "priority" int not null default 0, "next_action" varchar(200) null, "next_action_at" timestamptz null, "version" int not null default 1, constraint "collection_case_pkey" primary key ("id"));`);
    this.addSql(`create index "collection_case_institution_id_borrower_id_index" on "collection_case" ("institution_id", "borrower_id");`);
    this.addSql(`create index "collection_case_institution_id_outstanding_fen_index" on "collection_case" ("institution_id", "outstanding_fen");`);
    this.addSql(`create index "collection_case_institution_id_created_at_id_index" on "collection_case" ("institution_id", "created_at", "id");`);
    this.addSql(`create index "collection_case_institution_id_assignee_id_status_index" on "collection_case" ("institution_id", "assignee_id", "status");`);
    this.addSql(`create index "collection_case_institution_id_overdue_since_index" on "collection_case" ("institution_id", "overdue_since");`);
    this.addSql(`create index "collection_case_institution_id_status_overdue_since_index" on "collection_case" ("institution_id", "status", "overdue_since");`);
    this.addSql(`alter table "collection_case" add constraint "collection_case_institution_id_loan_number_unique" unique ("institution_id", "loan_number");`);

    this.addSql(`create table "feedback" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "institution_id" uuid not null, "case_id" uuid not null, "borrower_id" uuid not null, "receipt_code" varchar(20) not null, "kind" text check ("kind" in ('COMPLAINT', 'DISPUTE', 'HARDSHIP', 'SUGGESTION', 'PRAISE')) not null, "category" text check ("category" in ('CONTACT_AT_NIGHT', 'THREAT', 'HARASSMENT', 'PRIVACY_LEAK', 'THIRD_PARTY_CONTACT', 'WRONG_AMOUNT', 'VISIT_CONDUCT', 'SERVICE', 'OTHER')) not null, "message" text not null, "rating" int null, "status" text check ("status" in ('RECEIVED', 'ACKNOWLEDGED', 'INVESTIGATING', 'RESOLVED', 'REJECTED')) not null default 'RECEIVED', "acknowledge_due_at" timestamptz not null, "resolve_due_at" timestamptz not null, "acknowledged_at" timestamptz null, "closed_at" timestamptz null, "handled_by_id" uuid null, "resolution" text null, constraint "feedback_pkey" primary key ("id"));`);
    this.addSql(`alter table "feedback" add constraint "feedback_receipt_code_unique" unique ("receipt_code");`);
    this.addSql(`create index "feedback_institution_id_case_id_index" on "feedback" ("institution_id", "case_id");`);
    this.addSql(`create index "feedback_institution_id_status_created_at_index" on "feedback" ("institution_id", "status", "created_at");`);

    this.addSql(`create table "contact" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "institution_id" uuid not null, "case_id" uuid not null, "third_party_id" uuid null, "channel" text check ("channel" in ('SMS', 'EMAIL', 'PHONE', 'LETTER', 'APP')) not null, "direction" text check ("direction" in ('OUTBOUND', 'INBOUND')) not null default 'OUTBOUND', "occurred_at" timestamptz not null, "made_by_id" uuid null, "result" text check ("result" in ('NOT_ANSWERED', 'ANSWERED', 'CONVERSATION', 'DELIVERED', 'FAILED')) not null, "outcome" text check ("outcome" in ('RIGHT_PARTY', 'WRONG_NUMBER', 'THIRD_PARTY', 'PROMISE_TO_PAY', 'REFUSAL', 'DISPUTE', 'HARDSHIP', 'CALLBACK_REQUESTED', 'NO_CONTACT')) null, "attitude" text check ("attitude" in ('COOPERATIVE', 'NEUTRAL', 'EVASIVE', 'HOSTILE')) null, "note" text null, "recording_ref" varchar(200) null, constraint "contact_pkey" primary key ("id"));`);
    this.addSql(`create index "contact_institution_id_occurred_at_index" on "contact" ("institution_id", "occurred_at");`);
    this.addSql(`create index "contact_institution_id_case_id_occurred_at_index" on "contact" ("institution_id", "case_id", "occurred_at");`);

    this.addSql(`create table "visit" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "institution_id" uuid not null, "case_id" uuid not null, "status" text check ("status" in ('PLANNED', 'CONFIRMED', 'CHECKED_IN', 'COMPLETED', 'NO_SHOW', 'CANCELLED', 'RESCHEDULED')) not null default 'PLANNED', "window_start" timestamptz not null, "window_end" timestamptz not null, "address" varchar(400) not null, "purpose" varchar(400) not null, "planned_by_id" uuid null, "confirmed_at" timestamptz null, "confirmed_via" varchar(100) null, "confirmed_by_id" uuid null, "checked_in_at" timestamptz null, "checked_out_at" timestamptz null, "attitude" text check ("attitude" in ('COOPERATIVE', 'NEUTRAL', 'EVASIVE', 'HOSTILE')) null, "willingness" text check ("willingness" in ('HIGH', 'MEDIUM', 'LOW', 'NONE')) null, "overdue_reason" text check ("overdue_reason" in ('INCOME_LOSS', 'ILLNESS', 'BUSINESS_FAILURE', 'FORGOT', 'DISPUTE', 'MALICIOUS', 'OTHER')) null, "negotiated_result" varchar(500) null, "note" text null, "follow_up_date" date null, constraint "visit_pkey" primary key ("id"));`);
    this.addSql(`create index "visit_institution_id_status_window_start_index" on "visit" ("institution_id", "status", "window_start");`);
    this.addSql(`create index "visit_institution_id_case_id_window_start_index" on "visit" ("institution_id", "case_id", "window_start");`);

    this.addSql(`create table "visit_collector" ("visit_id" uuid not null, "user_id" uuid not null, "institution_id" uuid not null, constraint "visit_collector_pkey" primary key ("visit_id", "user_id"));`);
    this.addSql(`create index "visit_collector_institution_id_user_id_index" on "visit_collector" ("institution_id", "user_id");`);

    this.addSql(`alter table "borrower" add constraint "borrower_institution_id_foreign" foreign key ("institution_id") references "institution" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "third_party" add constraint "third_party_institution_id_foreign" foreign key ("institution_id") references "institution" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "third_party" add constraint "third_party_borrower_id_foreign" foreign key ("borrower_id") references "borrower" ("id") on update cascade;`);

    this.addSql(`alter table "user" add constraint "user_institution_id_foreign" foreign key ("institution_id") references "institution" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "collection_case" add constraint "collection_case_institution_id_foreign" foreign key ("institution_id") references "institution" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "collection_case" add constraint "collection_case_borrower_id_foreign" foreign key ("borrower_id") references "borrower" ("id") on update cascade;`);
    this.addSql(`alter table "collection_case" add constraint "collection_case_assignee_id_foreign" foreign key ("assignee_id") references "user" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "feedback" add constraint "feedback_institution_id_foreign" foreign key ("institution_id") references "institution" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "feedback" add constraint "feedback_case_id_foreign" foreign key ("case_id") references "collection_case" ("id") on update cascade;`);
    this.addSql(`alter table "feedback" add constraint "feedback_borrower_id_foreign" foreign key ("borrower_id") references "borrower" ("id") on update cascade;`);
    this.addSql(`alter table "feedback" add constraint "feedback_handled_by_id_foreign" foreign key ("handled_by_id") references "user" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "contact" add constraint "contact_institution_id_foreign" foreign key ("institution_id") references "institution" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "contact" add constraint "contact_case_id_foreign" foreign key ("case_id") references "collection_case" ("id") on update cascade;`);
    this.addSql(`alter table "contact" add constraint "contact_third_party_id_foreign" foreign key ("third_party_id") references "third_party" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "contact" add constraint "contact_made_by_id_foreign" foreign key ("made_by_id") references "user" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "visit" add constraint "visit_institution_id_foreign" foreign key ("institution_id") references "institution" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "visit" add constraint "visit_case_id_foreign" foreign key ("case_id") references "collection_case" ("id") on update cascade;`);
    this.addSql(`alter table "visit" add constraint "visit_planned_by_id_foreign" foreign key ("planned_by_id") references "user" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "visit" add constraint "visit_confirmed_by_id_foreign" foreign key ("confirmed_by_id") references "user" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "visit_collector" add constraint "visit_collector_visit_id_foreign" foreign key ("visit_id") references "visit" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "visit_collector" add constraint "visit_collector_user_id_foreign" foreign key ("user_id") references "user" ("id") on update cascade;`);
    this.addSql(`alter table "visit_collector" add constraint "visit_collector_institution_id_foreign" foreign key ("institution_id") references "institution" ("id") on update cascade;`);
  }

}
