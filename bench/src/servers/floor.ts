/**
 * The raw floor: node:http + pg, one named prepared statement per request that builds the
 * response JSON in PostgreSQL (json_build_object / json_agg) and returns it as text, which is
 * written to the socket untouched. It answers with exactly the JSON our API gives for the same
 * query, so the same checks read all three servers.
 *
 * What it leaves out, by design of a floor: authentication, the contact policy, audit events,
 * idempotency and the feedback verification (the last four of a national ID are encrypted).
 *
 * Environment: DATABASE_URL, PORT.
 */
import { randomInt, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import pg from 'pg';

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
const port = Number(process.env.PORT ?? 4303);

const ts = (column: string) =>
  `to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
const money = (column: string) => `to_char(${column} / 100.0, 'FM999999999999990.00')`;

/** (a) $1 institution, $2/$3 overdue_since bounds (the bucket), $4 page size, $5 now. */
const LIST = `
with page as (
  select c.id, c.loan_number, c.status, c.priority, c.overdue_since, c.outstanding_fen, c.borrower_id
    from collection_case c
   where c.institution_id = $1 and c.overdue_since >= $2::date and c.overdue_since <= $3::date
   order by c.priority desc, c.id desc
   limit $4
)
select json_build_object('data', json_build_object('cases', json_build_object(
  'totalCount', (select count(*) from collection_case c
                  where c.institution_id = $1 and c.overdue_since >= $2::date and c.overdue_since <= $3::date),
  'nodes', coalesce(json_agg(json_build_object(
    'id', p.id, 'loanNumber', p.loan_number, 'status', p.status, 'priority', p.priority,
    'overdueSince', p.overdue_since, 'outstandingAmount', ${money('p.outstanding_fen')},
    'borrower', json_build_object('id', b.id, 'fullName', b.full_name),
    'lastContact', lc.j, 'nextVisit', nv.j) order by p.priority desc, p.id desc), '[]'::json))))::text as body
  from page p
  join borrower b on b.id = p.borrower_id
  left join lateral (
    select json_build_object('id', k.id, 'channel', k.channel, 'result', k.result,
                             'occurredAt', ${ts('k.occurred_at')}) as j
      from contact k where k.institution_id = $1 and k.case_id = p.id
     order by k.occurred_at desc, k.id desc limit 1) lc on true
  left join lateral (
    select json_build_object('id', v.id, 'status', v.status, 'windowStart', ${ts('v.window_start')}) as j
      from visit v where v.institution_id = $1 and v.case_id = p.id
       and v.status in ('PLANNED', 'CONFIRMED') and v.window_end >= $5
     order by v.window_start, v.id limit 1) nv on true`;

/** (b) $1 case id, $2 institution. */
const DETAIL = `
select json_build_object('data', json_build_object('case', json_build_object(
  'id', c.id, 'loanNumber', c.loan_number, 'status', c.status, 'stage', c.stage,
  'priority', c.priority, 'overdueSince', c.overdue_since,
  'outstandingAmount', ${money('c.outstanding_fen')}, 'overdueAmount', ${money('c.overdue_fen')},
  'borrower', json_build_object('id', b.id, 'fullName', b.full_name),
  'contacts', coalesce((select json_agg(x) from (
      select k.id, k.channel, k.direction, k.result, k.outcome, ${ts('k.occurred_at')} as "occurredAt", k.note
        from contact k where k.institution_id = c.institution_id and k.case_id = c.id
       order by k.occurred_at desc, k.id desc limit 20) x), '[]'::json),
  'visits', coalesce((select json_agg(x) from (
      select v.id, v.status, ${ts('v.window_start')} as "windowStart", ${ts('v.window_end')} as "windowEnd", v.purpose
        from visit v where v.institution_id = c.institution_id and v.case_id = c.id
       order by v.window_start desc, v.id desc limit 20) x), '[]'::json),
  'plans', coalesce((select json_agg(x) from (
      select r.id, r.kind, r.status, ${money('r.total_fen')} as "totalAmount", ${money('r.paid_fen')} as "paidAmount",
             ${ts('r.created_at')} as "createdAt"
        from repayment_plan r where r.institution_id = c.institution_id and r.case_id = c.id
       order by r.created_at desc, r.id desc) x), '[]'::json),
  'feedback', coalesce((select json_agg(x) from (
      select f.id, f.kind, f.category, f.status, f.rating, ${ts('f.created_at')} as "createdAt"
        from feedback f where f.institution_id = c.institution_id and f.case_id = c.id
       order by f.created_at desc, f.id desc limit 20) x), '[]'::json)
)))::text as body
  from collection_case c join borrower b on b.id = c.borrower_id
 where c.id = $1 and c.institution_id = $2`;

/** (c) one autocommit INSERT (one transaction): $1 id, $2 case, $3 institution, $4 channel, $5 result, $6 occurred, $7 note. */
const LOG_CONTACT = `
insert into contact (id, created_at, updated_at, institution_id, case_id, channel, direction, occurred_at, result, note)
select $1, now(), now(), c.institution_id, c.id, $4, 'OUTBOUND', $6, $5, $7
  from collection_case c where c.id = $2 and c.institution_id = $3
returning json_build_object('data', json_build_object('logContact', json_build_object(
  'id', id, 'channel', channel, 'result', result, 'occurredAt', ${ts('occurred_at')})))::text as body`;

/** (d) $1 id, $2 institution code, $3 loan number, $4 receipt, $5 kind, $6 category, $7 message, $8 rating. */
const SUBMIT_FEEDBACK = `
insert into feedback (id, created_at, updated_at, institution_id, case_id, borrower_id, receipt_code, kind,
                      category, message, rating, acknowledge_due_at, resolve_due_at)
select $1, now(), now(), c.institution_id, c.id, c.borrower_id, $4, $5, $6, $7, $8,
       now() + interval '2 days', now() + interval '15 days'
  from collection_case c join institution i on i.id = c.institution_id
 where i.code = $2 and c.loan_number = $3
returning json_build_object('data', json_build_object('submitFeedback', json_build_object(
  'receiptCode', receipt_code, 'status', status)))::text as body`;

const RECEIPT_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

type Handler = (input: Record<string, unknown>) => Promise<string | null>;

async function one(name: string, text: string, values: unknown[]): Promise<string | null> {
  const result = await pool.query<{ body: string }>({ name, text, values });
  return result.rows[0]?.body ?? null;
}

const routes: Record<string, Handler> = {
  '/list': (i) =>
    one('list', LIST, [
      i.institutionId,
      i.earliest ?? '-infinity',
      i.latest ?? 'infinity',
      i.first,
      i.now ?? new Date(),
    ]),
  '/detail': (i) => one('detail', DETAIL, [i.id, i.institutionId]),
  '/log-contact': (i) =>
    one('log_contact', LOG_CONTACT, [
      randomUUID(),
      i.caseId,
      i.institutionId,
      i.channel,
      i.result,
      i.occurredAt,
      i.note ?? null,
    ]),
  '/submit-feedback': (i) => {
    let receipt = 'FB';
    for (let n = 0; n < 10; n++) receipt += RECEIPT_ALPHABET[randomInt(RECEIPT_ALPHABET.length)];
    return one('submit_feedback', SUBMIT_FEEDBACK, [
      randomUUID(),
      i.institutionCode,
      i.caseReference,
      receipt,
      i.kind,
      i.category,
      i.message,
      i.rating ?? null,
    ]);
  },
};

function send(res: ServerResponse, status: number, body: string): void {
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(body),
  });
  res.end(body);
}

async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
  const route = req.method === 'POST' ? routes[req.url ?? ''] : undefined;
  if (!route) return send(res, 404, '{"errors":[{"message":"not found"}]}');
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  try {
    const body = await route(JSON.parse(Buffer.concat(chunks).toString('utf8')));
    send(res, 200, body ?? '{"data":null,"errors":[{"message":"not found"}]}');
  } catch (error) {
    send(res, 500, JSON.stringify({ errors: [{ message: (error as Error).message }] }));
  }
}

const server = createServer((req, res) => void handle(req, res));
server.keepAliveTimeout = 60_000;
server.listen(port, '127.0.0.1', () =>
  console.log(`[bench] ready http://127.0.0.1:${port} (raw floor)`),
);

const shutdown = async () => {
  server.close();
  await pool.end();
  process.exit(0);
};
process.once('SIGINT', shutdown);
process.once('SIGTERM', shutdown);
