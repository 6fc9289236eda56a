import { randomBytes } from 'node:crypto';
import { Role } from '@arrears/domain';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ACCESS_TOKEN_SECONDS, AccessTokens, type AccessClaims } from './access-token.js';

const claims: AccessClaims = {
  userId: '019bfcc0-0000-7000-8000-000000000001',
  sessionId: '019bfcc0-0000-7000-8000-000000000002',
  institutionId: '019bfcc0-0000-7000-8000-000000000003',
  role: Role.SUPERVISOR,
};

describe('AccessTokens', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('accepts its own token again and again, and refuses it once expired though verified before', async () => {
    const start = new Date('2026-03-01T02:00:00Z');
    vi.useFakeTimers({ now: start, toFake: ['Date'] });
    const tokens = new AccessTokens(randomBytes(32));
    const { token } = await tokens.sign(claims, start);
    expect(await tokens.verify(token)).toEqual(claims);
    expect(await tokens.verify(token)).toEqual(claims);
    vi.setSystemTime(start.getTime() + (ACCESS_TOKEN_SECONDS + 1) * 1000);
    expect(await tokens.verify(token)).toBeNull();
  });

  it('refuses a token signed with another key, a tampered payload and garbage', async () => {
    const tokens = new AccessTokens(randomBytes(32));
    const { token: foreign } = await new AccessTokens(randomBytes(32)).sign(claims, new Date());
    expect(await tokens.verify(foreign)).toBeNull();
    const { token } = await tokens.sign(claims, new Date());
    expect(await tokens.verify(token)).toEqual(claims);
    const [header, payload, signature] = token.split('.');
    const raised = Buffer.from(
      JSON.stringify({
        ...JSON.parse(Buffer.from(payload!, 'base64url').toString()),
        role: 'ADMIN',
      }),
    ).toString('base64url');
    expect(await tokens.verify(`${header}.${raised}.${signature}`)).toBeNull();
    expect(await tokens.verify('not.a.token')).toBeNull();
  });
});
