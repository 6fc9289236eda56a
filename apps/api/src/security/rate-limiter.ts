import { createHash } from 'node:crypto';
import { DomainError } from '@arrears/domain';
import type { Redis } from 'ioredis';
import { connectRedis, redisReady } from './redis.js';
import {
  RateLimiterMemory,
  RateLimiterRedis,
  RateLimiterRes,
  type RateLimiterAbstract,
} from 'rate-limiter-flexible';

/** Refused because a caller used up its allowance; the client may retry after the delay. */
export class RateLimitedError extends DomainError {
  readonly code = 'RATE_LIMITED' as const;
  constructor(readonly retryAfterSeconds: number) {
    super(`Too many attempts; try again in ${retryAfterSeconds} seconds`, { retryAfterSeconds });
  }
}

interface RateLimit {
  /** Attempts allowed in one window. */
  readonly points: number;
  readonly windowSeconds: number;
}

export const RATE_LIMITS = {
  // Every login attempt from one address, whatever the account: slows password spraying.
  'login-ip': { points: 20, windowSeconds: 60 },
  // The public feedback mutation from one address: a borrower needs a few, a flood is abuse.
  'feedback-ip': { points: 10, windowSeconds: 60 * 60 },
  // Feedback naming one case reference: keeps one case from flooding its supervisor's queue.
  'feedback-case': { points: 5, windowSeconds: 24 * 60 * 60 },
} as const satisfies Record<string, RateLimit>;

export type RateLimitBucket = keyof typeof RATE_LIMITS;

export interface RateLimitsOptions {
  /** Share the counts between API instances through this Redis; in memory when absent. */
  readonly redisUrl?: string;
  /** Namespace of the Redis keys (tests use a random one). */
  readonly keyPrefix?: string;
  /** Told when Redis fails; the limits then fall back to this instance's memory until it is back. */
  readonly onRedisError?: (error: Error) => void;
}

/**
 * The rate limits of the public and login mutations, in memory by default or in Redis so that
 * several API instances share them. Keys are SHA-256 hashed: emails, case references and
 * addresses never reach Redis in plain text.
 */
export class RateLimits {
  private readonly limiters: Record<RateLimitBucket, RateLimiterAbstract>;
  private readonly redis: Redis | undefined;

  constructor({
    redisUrl,
    keyPrefix = 'arrears:rl',
    onRedisError = (error) => console.warn(`[rate-limit] redis: ${error.message}`),
  }: RateLimitsOptions = {}) {
    this.redis = redisUrl ? connectRedis(redisUrl, onRedisError) : undefined;
    const entries = (Object.keys(RATE_LIMITS) as RateLimitBucket[]).map((bucket) => {
      const limit: RateLimit = RATE_LIMITS[bucket];
      const options = {
        keyPrefix: `${keyPrefix}:${bucket}`,
        points: limit.points,
        duration: limit.windowSeconds,
      };
      const memory = new RateLimiterMemory(options);
      const limiter: RateLimiterAbstract = this.redis
        ? new RateLimiterRedis({
            ...options,
            storeClient: this.redis,
            // While Redis is down, answer from memory at once rather than wait or fail logins.
            rejectIfRedisNotReady: true,
            insuranceLimiter: memory,
          })
        : memory;
      return [bucket, limiter] as const;
    });
    this.limiters = Object.fromEntries(entries) as Record<RateLimitBucket, RateLimiterAbstract>;
  }

  /**
   * Resolves once Redis answers (at once in memory mode). Start-up awaits it so that a wrong
   * REDIS_URL stops the API instead of leaving each instance with limits of its own.
   */
  async ready(timeoutMs = 5000): Promise<void> {
    if (this.redis) await redisReady(this.redis, timeoutMs);
  }

  /** Counts one attempt; throws RateLimitedError when the key has none left. */
  async consume(bucket: RateLimitBucket, key: string): Promise<void> {
    try {
      await this.limiters[bucket].consume(hashKey(key));
    } catch (error) {
      if (error instanceof RateLimiterRes) {
        throw new RateLimitedError(Math.max(1, Math.ceil(error.msBeforeNext / 1000)));
      }
      throw error;
    }
  }

  async close(): Promise<void> {
    if (!this.redis) return;
    await this.redis.quit().catch(() => this.redis?.disconnect());
  }
}

/** Case and spaces do not make a new key (no bypass), and the stored key reveals nothing. */
function hashKey(key: string): string {
  return createHash('sha256').update(key.trim().toLowerCase()).digest('base64url');
}
