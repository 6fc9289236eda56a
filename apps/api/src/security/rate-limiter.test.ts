import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { RATE_LIMITS, RateLimitedError, RateLimits, type RateLimitBucket } from './rate-limiter.js';

/** The error a refused attempt throws, or a failure if it was let through. */
async function refusal(limits: RateLimits, bucket: RateLimitBucket, key: string) {
  const error = await limits.consume(bucket, key).then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof RateLimitedError)) throw new Error(`expected a refusal, got ${error}`);
  return error;
}

async function consumeTimes(limits: RateLimits, bucket: RateLimitBucket, key: string, n: number) {
  for (let i = 0; i < n; i++) await limits.consume(bucket, key);
}

describe('RateLimits in memory', () => {
  let limits: RateLimits;
  afterEach(() => limits.close());

  it('refuses the attempt after the allowance with RATE_LIMITED and a retry delay', async () => {
    limits = new RateLimits();
    await consumeTimes(limits, 'feedback-case', 'CASE-2024-000123', 5);
    const error = await refusal(limits, 'feedback-case', 'CASE-2024-000123');
    expect(error.code).toBe('RATE_LIMITED');
    // The window is one day and has only just started.
    expect(error.details.retryAfterSeconds).toBeGreaterThan(24 * 60 * 60 - 10);
    expect(error.details.retryAfterSeconds).toBeLessThanOrEqual(24 * 60 * 60);
    expect(error.message).not.toContain('CASE-2024-000123');
  });

  it('keeps keys and buckets independent', async () => {
    limits = new RateLimits();
    await consumeTimes(limits, 'feedback-ip', '203.0.113.7', RATE_LIMITS['feedback-ip'].points);
    await refusal(limits, 'feedback-ip', '203.0.113.7');
    await limits.consume('feedback-ip', '203.0.113.8');
    await limits.consume('login-ip', '203.0.113.7');
  });

  it('counts a key the same whatever its case or surrounding spaces', async () => {
    limits = new RateLimits();
    await consumeTimes(limits, 'feedback-case', 'Psbc:Psbc-Cl-2024-000123', 3);
    await consumeTimes(limits, 'feedback-case', ' psbc:psbc-cl-2024-000123 ', 2);
    await refusal(limits, 'feedback-case', 'PSBC:PSBC-CL-2024-000123');
  });
});

describe('RateLimits in Redis (several API instances)', () => {
  const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
  // A prefix of our own per run: parallel runs and other data in the same Redis are untouched.
  const keyPrefix = `arrears-test:${randomUUID()}`;
  let admin: Redis;
  const opened: RateLimits[] = [];
  const instance = async () => {
    const limits = new RateLimits({ redisUrl, keyPrefix });
    opened.push(limits);
    await limits.ready();
    return limits;
  };

  beforeAll(async () => {
    admin = new Redis(redisUrl, { lazyConnect: true, retryStrategy: () => null });
    let cause: unknown;
    admin.on('error', (error) => (cause = error));
    // CI starts Redis: if it is not there, this suite fails, it does not skip.
    await admin.connect().catch((error: unknown) => {
      throw new Error(
        `Redis rate-limit tests need a server at ${redisUrl} (set REDIS_URL to another one): ${String(cause ?? error)}`,
      );
    });
  });

  afterEach(async () => {
    await Promise.all(opened.splice(0).map((limits) => limits.close()));
  });

  afterAll(async () => {
    if (admin?.status !== 'ready') return;
    const keys = await admin.keys(`${keyPrefix}:*`);
    if (keys.length) await admin.del(...keys);
    await admin.quit();
  });

  it('shares one limit between two instances', async () => {
    const a = await instance();
    const b = await instance();
    await consumeTimes(a, 'feedback-case', 'CASE-2024-000777', 3);
    await consumeTimes(b, 'feedback-case', 'CASE-2024-000777', 2);
    const fromA = await refusal(a, 'feedback-case', 'CASE-2024-000777');
    const fromB = await refusal(b, 'feedback-case', 'CASE-2024-000777');
    expect(fromA.retryAfterSeconds).toBeGreaterThan(24 * 60 * 60 - 10);
    expect(fromB.retryAfterSeconds).toBeGreaterThan(24 * 60 * 60 - 10);
  });

  it('stores hashed keys only: no address or case reference in plain text', async () => {
    const limits = await instance();
    await limits.consume('login-ip', '198.51.100.23');
    await limits.consume('feedback-case', 'CASE-2024-000999');
    const keys = await admin.keys(`${keyPrefix}:*`);
    expect(keys.length).toBeGreaterThanOrEqual(2);
    for (const key of keys) {
      expect(key).toMatch(
        new RegExp(`^${keyPrefix}:(login-ip|feedback-ip|feedback-case):[\\w-]{43}$`),
      );
      expect(key).not.toMatch(/198\.51|CASE-2024/i);
    }
  });

  it('tells at start-up that Redis is unreachable, without the password', async () => {
    const limits = new RateLimits({
      // Nothing listens on port 1: every connection attempt is refused.
      redisUrl: 'redis://:s3cret@127.0.0.1:1',
      keyPrefix,
      onRedisError: () => {},
    });
    opened.push(limits);
    const error = await limits.ready(300).catch((e: unknown) => e as Error);
    expect(error).toBeInstanceOf(Error);
    expect(error?.message).toBe('Redis at 127.0.0.1:1 did not answer within 300 ms');
  });

  it('falls back to limits in this instance while Redis is unreachable', async () => {
    const errors: Error[] = [];
    const limits = new RateLimits({
      redisUrl: 'redis://127.0.0.1:1',
      keyPrefix,
      onRedisError: (error) => errors.push(error),
    });
    opened.push(limits);
    await consumeTimes(limits, 'feedback-case', 'CASE-1', 5);
    await refusal(limits, 'feedback-case', 'CASE-1');
    await expect.poll(() => errors.length).toBeGreaterThan(0);
  });
});
