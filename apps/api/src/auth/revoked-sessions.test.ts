import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { connectRedis, redisReady } from '../security/redis.js';
import { ACCESS_TOKEN_SECONDS } from './access-token.js';
import {
  InMemoryRevokedSessions,
  RedisRevokedSessions,
  type RevokedSessions,
} from './revoked-sessions.js';

describe('InMemoryRevokedSessions', () => {
  it('remembers a revoked session until its access tokens have expired', async () => {
    const revoked = new InMemoryRevokedSessions();
    const now = new Date('2026-03-01T02:00:00Z');
    await revoked.revoke('session-1', now);
    expect(await revoked.isRevoked('session-1', now)).toBe(true);
    expect(await revoked.isRevoked('session-2', now)).toBe(false);
    const later = new Date(now.getTime() + (ACCESS_TOKEN_SECONDS + 1) * 1000);
    expect(await revoked.isRevoked('session-1', later)).toBe(false);
  });
});

describe('RedisRevokedSessions (several API instances)', () => {
  const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
  const prefix = `arrears-test:revoked:${randomUUID()}`;
  const clients = [1, 2].map(() => connectRedis(redisUrl, () => undefined));
  afterAll(async () => {
    const keys = await clients[0]!.keys(`${prefix}:*`).catch(() => []);
    if (keys.length) await clients[0]!.del(...keys);
    await Promise.all(clients.map((client) => client.quit().catch(() => client.disconnect())));
  });

  it('a logout on one instance is seen by the other, and expires with the access token', async () => {
    // CI starts Redis: without it this test fails rather than skips.
    await Promise.all(clients.map((client) => redisReady(client)));
    const [a, b]: RevokedSessions[] = clients.map(
      (client) => new RedisRevokedSessions(client, prefix),
    );
    const now = new Date();
    await a!.revoke('session-9', now);
    expect(await b!.isRevoked('session-9', now)).toBe(true);
    expect(await b!.isRevoked('session-10', now)).toBe(false);
    const ttl = await clients[0]!.ttl(`${prefix}:session-9`);
    expect(ttl).toBeGreaterThan(ACCESS_TOKEN_SECONDS - 10);
    expect(ttl).toBeLessThanOrEqual(ACCESS_TOKEN_SECONDS);
  });
});
