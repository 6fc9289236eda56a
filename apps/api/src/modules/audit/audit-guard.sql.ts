/**
 * The database's own refusal to change audit rows, for the migration that creates
 * `audit_event`. The code never updates or deletes them either, but the guarantee must hold
 * for anything that reaches the database with the API's credentials, including a bug or an
 * injected statement. One statement per entry: migrations run each `addSql` on its own, and
 * SQLite prepares a single statement at a time.
 */

export const APPEND_ONLY_MESSAGE = 'audit events are append-only';

/**
 * PostgreSQL: a trigger refuses UPDATE, DELETE and TRUNCATE (a bulk delete), and PUBLIC
 * loses those privileges. Triggers bind the table owner too; the owner alone can disable
 * them, so production should run the API as a role that does not own the table.
 */
export const POSTGRESQL_AUDIT_GUARD: readonly string[] = [
  `create or replace function audit_event_append_only() returns trigger language plpgsql as $$
begin
  raise exception '${APPEND_ONLY_MESSAGE} (% refused)', tg_op;
end;
$$;`,
  `create trigger audit_event_no_update_delete before update or delete on audit_event for each row execute function audit_event_append_only();`,
  `create trigger audit_event_no_truncate before truncate on audit_event for each statement execute function audit_event_append_only();`,
  `revoke update, delete, truncate on audit_event from public;`,
];

/** SQLite has no privileges; triggers abort any UPDATE or DELETE of an audit row. */
export const SQLITE_AUDIT_GUARD: readonly string[] = [
  `create trigger audit_event_no_update before update on audit_event begin select raise(abort, '${APPEND_ONLY_MESSAGE}'); end;`,
  `create trigger audit_event_no_delete before delete on audit_event begin select raise(abort, '${APPEND_ONLY_MESSAGE}'); end;`,
];
