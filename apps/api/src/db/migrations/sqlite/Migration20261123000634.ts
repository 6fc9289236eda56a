import { Migration } from '@mikro-orm/migrations';
import { SQLITE_AUDIT_GUARD } from '../../../modules/audit/audit-guard.sql.js';

export class Migration20261123000634 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`borrower_phone_index\` (\`id\` text not null, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`institution_id\` text not null, \`borrower_id\` text not null, \`phone_index\` text not null, constraint \`borrower_phone_index_institution_id_foreign\` foreign key(\`institution_id\`) references \`institution\`(\`id\`) on delete restrict on update cascade, constraint \`borrower_phone_index_borrower_id_foreign\` foreign key(\`borrower_id\`) references \`borrower\`(\`id\`) on delete cascade on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`borrower_phone_index_institution_id_index\` on \`borrower_phone_index\` (\`institution_id\`);`);
    this.addSql(`create index \`borrower_phone_index_borrower_id_index\` on \`borrower_phone_index\` (\`borrower_id\`);`);
    this.addSql(`create index \`borrower_phone_index_institution_id_phone_index_index\` on \`borrower_phone_index\` (\`institution_id\`, \`phone_index\`);`);
    this.addSql(`create unique index \`borrower_phone_index_borrower_id_phone_index_unique\` on \`borrower_phone_index\` (\`borrower_id\`, \`phone_index\`);`);

    this.addSql(`create table \`audit_event\` (\`id\` text not null, \`institution_id\` text not null, \`sequence\` integer not null, \`occurred_at\` datetime not null, \`actor\` text not null, \`action\` text not null, \`entity_type\` text not null, \`entity_id\` text not null, \`before\` json null, \`after\` json null, \`request_id\` text null, \`prev_hash\` text null, \`hash\` text not null, constraint \`audit_event_institution_id_foreign\` foreign key(\`institution_id\`) references \`institution\`(\`id\`) on delete restrict on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`audit_event_institution_id_index\` on \`audit_event\` (\`institution_id\`);`);
    this.addSql(`create index \`audit_event_institution_id_entity_type_entity_id_index\` on \`audit_event\` (\`institution_id\`, \`entity_type\`, \`entity_id\`);`);
    this.addSql(`create unique index \`audit_event_institution_id_sequence_unique\` on \`audit_event\` (\`institution_id\`, \`sequence\`);`);

    this.addSql(`create table \`session\` (\`id\` text not null, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`institution_id\` text not null, \`user_id\` text not null, \`refresh_token_hash\` text not null, \`expires_at\` datetime not null, \`revoked_at\` datetime null, constraint \`session_institution_id_foreign\` foreign key(\`institution_id\`) references \`institution\`(\`id\`) on delete restrict on update cascade, constraint \`session_user_id_foreign\` foreign key(\`user_id\`) references \`user\`(\`id\`) on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`session_institution_id_index\` on \`session\` (\`institution_id\`);`);
    this.addSql(`create index \`session_user_id_index\` on \`session\` (\`user_id\`);`);
    this.addSql(`create unique index \`session_refresh_token_hash_unique\` on \`session\` (\`refresh_token_hash\`);`);
    this.addSql(`create index \`session_institution_id_user_id_index\` on \`session\` (\`institution_id\`, \`user_id\`);`);

    this.addSql(`create table \`partner_app\` (\`id\` text not null, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`institution_id\` text not null, \`name\` text not null, \`scopes\` json not null, \`key_prefix\` text not null, \`key_hash\` text not null, \`created_by_id\` text null, \`last_used_at\` datetime null, \`revoked_at\` datetime null, constraint \`partner_app_institution_id_foreign\` foreign key(\`institution_id\`) references \`institution\`(\`id\`) on delete restrict on update cascade, constraint \`partner_app_created_by_id_foreign\` foreign key(\`created_by_id\`) references \`user\`(\`id\`) on delete set null on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`partner_app_institution_id_index\` on \`partner_app\` (\`institution_id\`);`);
    this.addSql(`create unique index \`partner_app_key_prefix_unique\` on \`partner_app\` (\`key_prefix\`);`);
    this.addSql(`create index \`partner_app_created_by_id_index\` on \`partner_app\` (\`created_by_id\`);`);
    this.addSql(`create index \`partner_app_institution_id_created_at_index\` on \`partner_app\` (\`institution_id\`, \`created_at\`);`);

    this.addSql(`drop index \`borrower_institution_id_national_id_unique\`;`);

    this.addSql(`alter table \`borrower\` add column \`national_id_index\` text null;`);


    this.addSql(`create table \`third_party__temp_alter\` (\`id\` text not null, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`institution_id\` text not null, \`borrower_id\` text not null, \`full_name\` text not null, \`relation\` text check (\`relation\` in ('SPOUSE', 'PARENT', 'CHILD', 'SIBLING', 'RELATIVE', 'COLLEAGUE', 'FRIEND', 'GUARANTOR', 'OTHER')) not null, \`phone\` text not null, \`debt_related\` integer not null default false, \`refused_contact\` integer not null default false, constraint \`third_party_institution_id_foreign\` foreign key(\`institution_id\`) references \`institution\`(\`id\`) on delete restrict on update cascade, constraint \`third_party_borrower_id_foreign\` foreign key(\`borrower_id\`) references \`borrower\`(\`id\`) on update cascade, primary key (\`id\`));`);
    this.addSql(`insert into \`third_party__temp_alter\` select \`id\`, \`created_at\`, \`updated_at\`, \`institution_id\`, \`borrower_id\`, \`full_name\`, \`relation\`, \`phone\`, \`debt_related\`, \`refused_contact\` from \`third_party\`;`);
    this.addSql(`drop table \`third_party\`;`);
    this.addSql(`alter table \`third_party__temp_alter\` rename to \`third_party\`;`);
    this.addSql(`create index \`third_party_institution_id_index\` on \`third_party\` (\`institution_id\`);`);
    this.addSql(`create index \`third_party_borrower_id_index\` on \`third_party\` (\`borrower_id\`);`);
    this.addSql(`create index \`third_party_institution_id_borrower_id_index\` on \`third_party\` (\`institution_id\`, \`borrower_id\`);`);
    this.addSql(`alter table \`user\` add column \`failed_logins\` integer not null default 0;`);
    this.addSql(`alter table \`user\` add column \`locked_until\` datetime null;`);


    this.addSql(`create table \`collection_case__temp_alter\` (\`id\` text not null, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`institution_id\` text not null, \`loan_number\` text not null, \`product\` text check (\`product\` in ('CREDIT_LOAN', 'CREDIT_CARD', 'CONSUMER', 'BUSINESS', 'MORTGAGE')) not null, \`borrower_id\` text not null, \`assignee_id\` text null, \`status\` text check (\`status\` in ('NEW', 'IN_PROGRESS', 'PROMISED', 'ON_HOLD', 'ESCALATED', 'CLOSED')) not null default 'NEW', \`stage\` text check (\`stage\` in ('REMINDER', 'PHONE', 'VISIT', 'LEGAL')) not null default 'REMINDER', \`close_reason\` text check (\`close_reason\` in ('PAID_IN_FULL', 'SETTLED', 'WRITTEN_OFF', 'RECALLED', 'LEGAL_TRANSFER')) null, \`principal_fen\` bigint not null, \`outstanding_fen\` bigint not null, \`overdue_fen\` bigint not null, \`overdue_since\` date not null, \`priority\` integer not null default 0, \`next_action\` text null, \`next_action_at\` datetime null, \`version\` integer not null default 1, constraint \`collection_case_institution_id_foreign\` foreign key(\`institution_id\`) references \`institution\`(\`id\`) on delete restrict on update cascade, constraint \`collection_case_borrower_id_foreign\` foreign key(\`borrower_id\`) references \`borrower\`(\`id\`) on update cascade, constraint \`collection_case_assignee_id_foreign\` foreign key(\`assignee_id\`) references \`user\`(\`id\`) on delete set null on update cascade, primary key (\`id\`));`);
    this.addSql(`insert into \`collection_case__temp_alter\` select \`id\`, \`created_at\`, \`updated_at\`, \`institution_id\`, \`loan_number\`, \`product\`, \`borrower_id\`, \`assignee_id\`, \`status\`, \`stage\`, \`close_reason\`, \`principal_fen\`, \`outstanding_fen\`, \`overdue_fen\`, \`overdue_since\`, \`priority\`, \`next_action\`, \`next_action_at\`, \`version\` from \`collection_case\`;`);
    this.addSql(`drop table \`collection_case\`;`);
    this.addSql(`alter table \`collection_case__temp_alter\` rename to \`collection_case\`;`);
    this.addSql(`create index \`collection_case_institution_id_index\` on \`collection_case\` (\`institution_id\`);`);
    this.addSql(`create index \`collection_case_borrower_id_index\` on \`collection_case\` (\`borrower_id\`);`);
    this.addSql(`create index \`collection_case_assignee_id_index\` on \`collection_case\` (\`assignee_id\`);`);
    this.addSql(`create index \`collection_case_institution_id_borrower_id_index\` on \`collection_case\` (\`institution_id\`, \`borrower_id\`);`);
    this.addSql(`create index \`collection_case_institution_id_outstanding_fen_index\` on \`collection_case\` (\`institution_id\`, \`outstanding_fen\`);`);
    this.addSql(`create index \`collection_case_institution_id_created_at_id_index\` on \`collection_case\` (\`institution_id\`, \`created_at\`, \`id\`);`);
    this.addSql(`create index \`collection_case_institution_id_assignee_id_status_index\` on \`collection_case\` (\`institution_id\`, \`assignee_id\`, \`status\`);`);
    this.addSql(`create index \`collection_case_institution_id_overdue_since_index\` on \`collection_case\` (\`institution_id\`, \`overdue_since\`);`);
    this.addSql(`create index \`collection_case_institution_id_status_overdue_since_index\` on \`collection_case\` (\`institution_id\`, \`status\`, \`overdue_since\`);`);
    this.addSql(`create unique index \`collection_case_institution_id_loan_number_unique\` on \`collection_case\` (\`institution_id\`, \`loan_number\`);`);

    this.addSql(`create table \`feedback__temp_alter\` (\`id\` text not null, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`institution_id\` text not null, \`case_id\` text not null, \`borrower_id\` text not null, \`receipt_code\` text not null, \`kind\` text check (\`kind\` in ('COMPLAINT', 'DISPUTE', 'HARDSHIP', 'SUGGESTION', 'PRAISE')) not null, \`category\` text check (\`category\` in ('CONTACT_AT_NIGHT', 'THREAT', 'HARASSMENT', 'PRIVACY_LEAK', 'THIRD_PARTY_CONTACT', 'WRONG_AMOUNT', 'VISIT_CONDUCT', 'SERVICE', 'OTHER')) not null, \`message\` text not null, \`rating\` integer null, \`status\` text check (\`status\` in ('RECEIVED', 'ACKNOWLEDGED', 'INVESTIGATING', 'RESOLVED', 'REJECTED')) not null default 'RECEIVED', \`acknowledge_due_at\` datetime not null, \`resolve_due_at\` datetime not null, \`acknowledged_at\` datetime null, \`closed_at\` datetime null, \`handled_by_id\` text null, \`resolution\` text null, constraint \`feedback_institution_id_foreign\` foreign key(\`institution_id\`) references \`institution\`(\`id\`) on delete restrict on update cascade, constraint \`feedback_case_id_foreign\` foreign key(\`case_id\`) references \`collection_case\`(\`id\`) on update cascade, constraint \`feedback_borrower_id_foreign\` foreign key(\`borrower_id\`) references \`borrower\`(\`id\`) on update cascade, constraint \`feedback_handled_by_id_foreign\` foreign key(\`handled_by_id\`) references \`user\`(\`id\`) on delete set null on update cascade, primary key (\`id\`));`);
    this.addSql(`insert into \`feedback__temp_alter\` select \`id\`, \`created_at\`, \`updated_at\`, \`institution_id\`, \`case_id\`, \`borrower_id\`, \`receipt_code\`, \`kind\`, \`category\`, \`message\`, \`rating\`, \`status\`, \`acknowledge_due_at\`, \`resolve_due_at\`, \`acknowledged_at\`, \`closed_at\`, \`handled_by_id\`, \`resolution\` from \`feedback\`;`);
    this.addSql(`drop table \`feedback\`;`);
    this.addSql(`alter table \`feedback__temp_alter\` rename to \`feedback\`;`);
    this.addSql(`create index \`feedback_institution_id_index\` on \`feedback\` (\`institution_id\`);`);
    this.addSql(`create index \`feedback_case_id_index\` on \`feedback\` (\`case_id\`);`);
    this.addSql(`create index \`feedback_borrower_id_index\` on \`feedback\` (\`borrower_id\`);`);
    this.addSql(`create unique index \`feedback_receipt_code_unique\` on \`feedback\` (\`receipt_code\`);`);
    this.addSql(`create index \`feedback_handled_by_id_index\` on \`feedback\` (\`handled_by_id\`);`);
    this.addSql(`create index \`feedback_institution_id_case_id_index\` on \`feedback\` (\`institution_id\`, \`case_id\`);`);
    this.addSql(`create index \`feedback_institution_id_status_created_at_index\` on \`feedback\` (\`institution_id\`, \`status\`, \`created_at\`);`);

    this.addSql(`create table \`contact__temp_alter\` (\`id\` text not null, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`institution_id\` text not null, \`case_id\` text not null, \`third_party_id\` text null, \`channel\` text check (\`channel\` in ('SMS', 'EMAIL', 'PHONE', 'LETTER', 'APP')) not null, \`direction\` text check (\`direction\` in ('OUTBOUND', 'INBOUND')) not null default 'OUTBOUND', \`occurred_at\` datetime not null, \`made_by_id\` text null, \`result\` text check (\`result\` in ('NOT_ANSWERED', 'ANSWERED', 'CONVERSATION', 'DELIVERED', 'FAILED')) not null, \`outcome\` text check (\`outcome\` in ('RIGHT_PARTY', 'WRONG_NUMBER', 'THIRD_PARTY', 'PROMISE_TO_PAY', 'REFUSAL', 'DISPUTE', 'HARDSHIP', 'CALLBACK_REQUESTED', 'NO_CONTACT')) null, \`attitude\` text check (\`attitude\` in ('COOPERATIVE', 'NEUTRAL', 'EVASIVE', 'HOSTILE')) null, \`note\` text null, \`recording_ref\` text null, constraint \`contact_institution_id_foreign\` foreign key(\`institution_id\`) references \`institution\`(\`id\`) on delete restrict on update cascade, constraint \`contact_case_id_foreign\` foreign key(\`case_id\`) references \`collection_case\`(\`id\`) on update cascade, constraint \`contact_third_party_id_foreign\` foreign key(\`third_party_id\`) references \`third_party\`(\`id\`) on delete set null on update cascade, constraint \`contact_made_by_id_foreign\` foreign key(\`made_by_id\`) references \`user\`(\`id\`) on delete set null on update cascade, primary key (\`id\`));`);
    this.addSql(`insert into \`contact__temp_alter\` select \`id\`, \`created_at\`, \`updated_at\`, \`institution_id\`, \`case_id\`, \`third_party_id\`, \`channel\`, \`direction\`, \`occurred_at\`, \`made_by_id\`, \`result\`, \`outcome\`, \`attitude\`, \`note\`, \`recording_ref\` from \`contact\`;`);
    this.addSql(`drop table \`contact\`;`);
    this.addSql(`alter table \`contact__temp_alter\` rename to \`contact\`;`);
    this.addSql(`create index \`contact_institution_id_index\` on \`contact\` (\`institution_id\`);`);
    this.addSql(`create index \`contact_case_id_index\` on \`contact\` (\`case_id\`);`);
    this.addSql(`create index \`contact_third_party_id_index\` on \`contact\` (\`third_party_id\`);`);
    this.addSql(`create index \`contact_made_by_id_index\` on \`contact\` (\`made_by_id\`);`);
    this.addSql(`create index \`contact_institution_id_occurred_at_index\` on \`contact\` (\`institution_id\`, \`occurred_at\`);`);
    this.addSql(`create index \`contact_institution_id_case_id_occurred_at_index\` on \`contact\` (\`institution_id\`, \`case_id\`, \`occurred_at\`);`);

    this.addSql(`create table \`visit__temp_alter\` (\`id\` text not null, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`institution_id\` text not null, \`case_id\` text not null, \`status\` text check (\`status\` in ('PLANNED', 'CONFIRMED', 'CHECKED_IN', 'COMPLETED', 'NO_SHOW', 'CANCELLED', 'RESCHEDULED')) not null default 'PLANNED', \`window_start\` datetime not null, \`window_end\` datetime not null, \`address\` text not null, \`purpose\` text not null, \`planned_by_id\` text null, \`confirmed_at\` datetime null, \`confirmed_via\` text null, \`confirmed_by_id\` text null, \`checked_in_at\` datetime null, \`checked_out_at\` datetime null, \`attitude\` text check (\`attitude\` in ('COOPERATIVE', 'NEUTRAL', 'EVASIVE', 'HOSTILE')) null, \`willingness\` text check (\`willingness\` in ('HIGH', 'MEDIUM', 'LOW', 'NONE')) null, \`overdue_reason\` text check (\`overdue_reason\` in ('INCOME_LOSS', 'ILLNESS', 'BUSINESS_FAILURE', 'FORGOT', 'DISPUTE', 'MALICIOUS', 'OTHER')) null, \`negotiated_result\` text null, \`note\` text null, \`follow_up_date\` date null, constraint \`visit_institution_id_foreign\` foreign key(\`institution_id\`) references \`institution\`(\`id\`) on delete restrict on update cascade, constraint \`visit_case_id_foreign\` foreign key(\`case_id\`) references \`collection_case\`(\`id\`) on update cascade, constraint \`visit_planned_by_id_foreign\` foreign key(\`planned_by_id\`) references \`user\`(\`id\`) on delete set null on update cascade, constraint \`visit_confirmed_by_id_foreign\` foreign key(\`confirmed_by_id\`) references \`user\`(\`id\`) on delete set null on update cascade, primary key (\`id\`));`);
    this.addSql(`insert into \`visit__temp_alter\` select \`id\`, \`created_at\`, \`updated_at\`, \`institution_id\`, \`case_id\`, \`status\`, \`window_start\`, \`window_end\`, \`address\`, \`purpose\`, \`planned_by_id\`, \`confirmed_at\`, \`confirmed_via\`, \`confirmed_by_id\`, \`checked_in_at\`, \`checked_out_at\`, \`attitude\`, \`willingness\`, \`overdue_reason\`, \`negotiated_result\`, \`note\`, \`follow_up_date\` from \`visit\`;`);
    this.addSql(`drop table \`visit\`;`);
    this.addSql(`alter table \`visit__temp_alter\` rename to \`visit\`;`);
    this.addSql(`create index \`visit_institution_id_index\` on \`visit\` (\`institution_id\`);`);
    this.addSql(`create index \`visit_case_id_index\` on \`visit\` (\`case_id\`);`);
    this.addSql(`create index \`visit_planned_by_id_index\` on \`visit\` (\`planned_by_id\`);`);
    this.addSql(`create index \`visit_confirmed_by_id_index\` on \`visit\` (\`confirmed_by_id\`);`);
    this.addSql(`create index \`visit_institution_id_status_window_start_index\` on \`visit\` (\`institution_id\`, \`status\`, \`window_start\`);`);
    this.addSql(`create index \`visit_institution_id_case_id_window_start_index\` on \`visit\` (\`institution_id\`, \`case_id\`, \`window_start\`);`);


    // Audit events are append-only, enforced by the database itself.
    for (const statement of SQLITE_AUDIT_GUARD) this.addSql(statement);
  }

}
