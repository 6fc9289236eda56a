import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Contact } from '../src/modules/contact/contact.entity.js';
import { Feedback } from '../src/modules/feedback/feedback.entity.js';
import { borrowerIdentity, DIALECTS, firstError, startTestApi, type TestApi } from './harness.js';

const LOG_CONTACT = `mutation ($input: LogContactInput!) { logContact(input: $input) { id note } }`;
const SUBMIT_FEEDBACK = `mutation ($input: SubmitFeedbackInput!) { submitFeedback(input: $input) { receiptCode } }`;

/** A retried create must not write twice; a key reused for something else must not pass. */
describe.each(DIALECTS)('idempotency keys on %s', (dialect) => {
  let api: TestApi;
  let caseId: string;
  let assigneeEmail: string;
  beforeAll(async () => {
    api = await startTestApi(dialect, { seedScale: 0.02 });
    const { cases } = await api.data<{
      cases: { nodes: { id: string; assignee: { email: string } | null }[] };
    }>(
      '{ cases(first: 1, filter: { status: [IN_PROGRESS], unassigned: false }) { nodes { id assignee { email } } } }',
    );
    caseId = cases.nodes[0]!.id;
    assigneeEmail = cases.nodes[0]!.assignee!.email;
  });
  afterAll(() => api?.close());

  const contactsOfCase = () =>
    api.orm.em.fork().count(Contact, { case: caseId }, { filters: false });
  const sms = (note: string, idempotencyKey: string) => ({
    input: { caseId, channel: 'SMS', result: 'DELIVERED', note, idempotencyKey },
  });

  it('logContact replayed with its key answers with the first contact and writes nothing', async () => {
    const before = await contactsOfCase();
    const first = await api.data<{ logContact: { id: string } }>(
      LOG_CONTACT,
      sms('提醒短信', 'retry-key-0001'),
    );
    const replay = await api.data<{ logContact: { id: string } }>(
      LOG_CONTACT,
      sms('提醒短信', 'retry-key-0001'),
    );
    expect(replay.logContact.id).toBe(first.logContact.id);
    expect(await contactsOfCase()).toBe(before + 1);
  });

  it('the same key with a different payload is a CONFLICT and writes nothing', async () => {
    await api.data(LOG_CONTACT, sms('第一次', 'retry-key-0002'));
    const before = await contactsOfCase();
    const reused = await api.gql(LOG_CONTACT, sms('不同内容', 'retry-key-0002'));
    expect(firstError(reused)).toMatchObject({ code: 'CONFLICT', field: 'idempotencyKey' });
    expect(await contactsOfCase()).toBe(before);
  });

  it('keys belong to their caller: another user may use the same key', async () => {
    const colleague = await api.as(assigneeEmail);
    const mine = await api.data<{ logContact: { id: string } }>(
      LOG_CONTACT,
      sms('甲', 'shared-key-0003'),
    );
    const theirs = await colleague.data<{ logContact: { id: string } }>(
      LOG_CONTACT,
      sms('甲', 'shared-key-0003'),
    );
    expect(theirs.logContact.id).not.toBe(mine.logContact.id);
  });

  it('submitFeedback replayed by a borrower gives the same receipt once', async () => {
    const { identity } = await borrowerIdentity(api, caseId);
    const input = {
      ...identity,
      kind: 'SUGGESTION',
      category: 'SERVICE',
      message: '希望提供更多还款渠道。',
      idempotencyKey: 'borrower-key-0004',
    };
    const anonymous = api.withHeaders({});
    const first = await anonymous.data<{ submitFeedback: { receiptCode: string } }>(
      SUBMIT_FEEDBACK,
      { input },
    );
    const replay = await anonymous.data<{ submitFeedback: { receiptCode: string } }>(
      SUBMIT_FEEDBACK,
      { input },
    );
    expect(replay.submitFeedback.receiptCode).toBe(first.submitFeedback.receiptCode);
    expect(
      await api.orm.em
        .fork()
        .count(Feedback, { case: caseId, message: input.message }, { filters: false }),
    ).toBe(1);
  });

  it('refuses a key that is too short to be unique', async () => {
    expect(firstError(await api.gql(LOG_CONTACT, sms('x', 'short')))).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'idempotencyKey',
    });
  });
});
