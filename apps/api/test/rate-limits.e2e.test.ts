import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Borrower } from '../src/modules/borrower/borrower.entity.js';
import { Case } from '../src/modules/case/case.entity.js';
import { RATE_LIMITS } from '../src/security/rate-limiter.js';
import { clientOnOwnAddress, DIALECTS, firstError, startTestApi, type TestApi } from './harness.js';

const LOGIN = 'mutation ($e: String!, $p: String!) { login(email: $e, password: $p) { token } }';
const SUBMIT =
  'mutation ($input: SubmitFeedbackInput!) { submitFeedback(input: $input) { receiptCode } }';

/** The public doors: sign-in and borrower feedback are limited per client and per case. */
describe.each(DIALECTS)('rate limits on %s', (dialect) => {
  let api: TestApi;
  let feedback: Record<string, unknown>;
  beforeAll(async () => {
    api = await startTestApi(dialect, { seedScale: 0.02 });
    const em = api.orm.em.fork();
    const [target] = await em.find(
      Case,
      {},
      { filters: false, populate: ['institution'], limit: 1 },
    );
    const borrower = await em.findOneOrFail(
      Borrower,
      { id: target!.borrower.id },
      { filters: false },
    );
    feedback = {
      institutionCode: target!.institution.getEntity().code,
      caseReference: target!.loanNumber,
      verification: borrower.nationalId.slice(-4),
      kind: 'SUGGESTION',
      category: 'SERVICE',
      message: '希望周末也能办理。',
    };
  });
  afterAll(() => api?.close());

  it('refuses the login after the per-address allowance with RATE_LIMITED and a retry time', async () => {
    const client = clientOnOwnAddress(api);
    const { points } = RATE_LIMITS['login-ip'];
    for (let i = 0; i < points; i += 1) {
      expect(
        firstError(await client.gql(LOGIN, { e: 'nobody@psbc.demo', p: 'wrong-password' })).code,
      ).toBe('UNAUTHENTICATED');
    }
    const refused = await client.gql(LOGIN, { e: 'supervisor@psbc.demo', p: 'arrears-demo' });
    expect(firstError(refused).code).toBe('RATE_LIMITED');
    expect(refused.errors![0]!.extensions!.retryAfterSeconds).toBeGreaterThan(0);
    // Another address is not affected.
    expect(
      (
        await clientOnOwnAddress(api).data<{ login: { token: string } }>(LOGIN, {
          e: 'supervisor@psbc.demo',
          p: 'arrears-demo',
        })
      ).login.token,
    ).toBeTruthy();
  });

  it('limits feedback naming one case, whoever sends it', async () => {
    const { points } = RATE_LIMITS['feedback-case'];
    for (let i = 0; i < points; i += 1) {
      await clientOnOwnAddress(api).data(SUBMIT, { input: feedback });
    }
    expect(firstError(await clientOnOwnAddress(api).gql(SUBMIT, { input: feedback })).code).toBe(
      'RATE_LIMITED',
    );
  });
});
