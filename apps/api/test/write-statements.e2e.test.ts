import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditEvent } from '../src/modules/audit/audit-event.entity.js';
import { Feedback } from '../src/modules/feedback/feedback.entity.js';
import { IdempotencyRecord } from '../src/modules/idempotency/idempotency-record.entity.js';
import { borrowerIdentity, DIALECTS, startTestApi, type TestApi } from './harness.js';

const LOG_CONTACT = /* GraphQL */ `
  mutation ($input: LogContactInput!) {
    logContact(input: $input) {
      id
      channel
      result
      occurredAt
    }
  }
`;
const SUBMIT_FEEDBACK = /* GraphQL */ `
  mutation ($input: SubmitFeedbackInput!) {
    submitFeedback(input: $input) {
      receiptCode
      status
    }
  }
`;
const VERIFY_CHAIN = /* GraphQL */ `
  query ($id: ID!) {
    verifyAuditChain(institutionId: $id) {
      ok
      checked
      reason
    }
  }
`;

/**
 * The statements of one write, BEGIN and COMMIT included. logContact: the idempotency lookup,
 * the case with its institution and borrower (one join), the contact history and holds (one
 * union), then one flush: the idempotency record and the contact, the audit chain's lock and
 * head (one round trip; on PostgreSQL two statements sent together), the events of both rows
 * in one insert. submitFeedback reads no policy facts. Before the write path was tuned: 16 and
 * 14 on PostgreSQL.
 */
const STATEMENTS = {
  logContact: 9,
  logContactWithoutKey: 7,
  submitFeedback: 8,
};

describe.each(DIALECTS)('SQL statements per write on %s', (dialect) => {
  let api: TestApi;
  let caseIds: string[];
  let institutionId: string;
  let feedbackInput: Record<string, unknown>;
  beforeAll(async () => {
    api = await startTestApi(dialect, { seedScale: 0.02 });
    const { cases } = await api.data<{ cases: { nodes: { id: string }[] } }>(
      '{ cases(first: 8, filter: { status: [IN_PROGRESS] }) { nodes { id } } }',
    );
    caseIds = cases.nodes.map((c) => c.id);
    const named = await borrowerIdentity(api, caseIds[0]!);
    institutionId = named.institutionId;
    feedbackInput = {
      ...named.identity,
      kind: 'SUGGESTION',
      category: 'SERVICE',
      message: '希望晚上六点以后联系。',
      rating: 4,
    };
  });
  afterAll(() => api?.close());

  const sms = (caseId: string, idempotencyKey?: string) => ({
    input: {
      caseId,
      channel: 'SMS',
      direction: 'OUTBOUND',
      result: 'DELIVERED',
      note: '还款提醒',
      ...(idempotencyKey && { idempotencyKey }),
    },
  });

  /** The events that record these rows, in chain order. */
  const eventsOf = (...entityIds: string[]) =>
    api.orm.em
      .fork()
      .find(
        AuditEvent,
        { entityId: { $in: entityIds } },
        { filters: false, orderBy: { sequence: 'asc' } },
      );

  const recordOf = (key: string) =>
    api.orm.em.fork().findOneOrFail(IdempotencyRecord, { key }, { filters: false });

  it(`logContact costs ${STATEMENTS.logContact} and appends its audit events in one go`, async () => {
    const result = await api.gql<{ logContact: { id: string } }>(
      LOG_CONTACT,
      sms(caseIds[0]!, 'write-path-0001'),
    );
    expect(result.errors).toBeUndefined();
    expect(result.extensions!.sqlStatements).toBe(STATEMENTS.logContact);
    const contactId = result.data!.logContact.id;
    const events = await eventsOf(contactId, (await recordOf('write-path-0001')).id);
    expect(events.map((e) => e.action).sort()).toEqual([
      'contact.create',
      'idempotencyRecord.create',
    ]);
    // One flush: neighbours in the chain, linked, from the one request.
    expect(events[1]!.sequence).toBe(events[0]!.sequence + 1);
    expect(events[1]!.prevHash).toBe(events[0]!.hash);
    expect(events[1]!.requestId).toBe(events[0]!.requestId);
  });

  it(`logContact without a key costs ${STATEMENTS.logContactWithoutKey}`, async () => {
    const result = await api.gql<{ logContact: { id: string } }>(LOG_CONTACT, sms(caseIds[1]!));
    expect(result.errors).toBeUndefined();
    expect(result.extensions!.sqlStatements).toBe(STATEMENTS.logContactWithoutKey);
    expect(await eventsOf(result.data!.logContact.id)).toHaveLength(1);
  });

  it(`submitFeedback costs ${STATEMENTS.submitFeedback} and appends its audit events in one go`, async () => {
    const result = await api
      .withHeaders({})
      .gql<{ submitFeedback: { receiptCode: string } }>(SUBMIT_FEEDBACK, {
        input: { ...feedbackInput, idempotencyKey: 'write-path-0002' },
      });
    expect(result.errors).toBeUndefined();
    expect(result.extensions!.sqlStatements).toBe(STATEMENTS.submitFeedback);
    const feedback = await api.orm.em
      .fork()
      .findOneOrFail(
        Feedback,
        { receiptCode: result.data!.submitFeedback.receiptCode },
        { filters: false },
      );
    const events = await eventsOf(feedback.id, (await recordOf('write-path-0002')).id);
    expect(events.map((e) => e.action).sort()).toEqual([
      'feedback.create',
      'idempotencyRecord.create',
    ]);
    expect(events[1]!.sequence).toBe(events[0]!.sequence + 1);
    expect(events[1]!.prevHash).toBe(events[0]!.hash);
  });

  it('keeps the audit chain whole when writes to one institution arrive together', async () => {
    const anonymous = api.withHeaders({});
    const results = await Promise.all([
      ...caseIds.map((caseId, i) => api.gql(LOG_CONTACT, sms(caseId, `write-path-par-${i}`))),
      ...[0, 1, 2].map((i) =>
        anonymous.gql(SUBMIT_FEEDBACK, {
          input: { ...feedbackInput, idempotencyKey: `write-path-fb-${i}` },
        }),
      ),
    ]);
    expect(results.map((r) => r.errors)).toEqual(results.map(() => undefined));
    const auditor = await api.as('auditor@psbc.demo');
    const { verifyAuditChain } = await auditor.data<{
      verifyAuditChain: { ok: boolean; checked: number; reason: string | null };
    }>(VERIFY_CHAIN, { id: institutionId });
    expect(verifyAuditChain).toMatchObject({ ok: true, reason: null });
  });
});
