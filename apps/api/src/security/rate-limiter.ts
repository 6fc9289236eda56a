import { createHash } from 'node:crypto';
import { DomainError } from '@arrears/domain';
import { Redis } from 'ioredis';
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
  /** Once over the limit the key stays refused this long (a lockout), instead of until the window ends. */
  readonly blockSeconds?: number;
}

export const RATE_LIMITS = {
  // Every login attempt from one address, whatever the account: slows password spraying.
  'login-ip': { points: 20, windowSeconds: 60 },
  // Login attempts on one account, counted before the password is checked and reset on success:
  // after 5 failures in 15 minutes the account is locked for 15 minutes, even for the right password.
  'login-account': { points: 5, windowSeconds: 15 * 60, blockSeconds: 15 * 60 },
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
    this.redis = redisUrl ? connect(redisUrl, onRedisError) : undefined;
    const entries = (Object.keys(RATE_LIMITS) as RateLimitBucket[]).map((bucket) => {
      const limit: RateLimit = RATE_LIMITS[bucket];
      const options = {
        keyPrefix: `${keyPrefix}:${bucket}`,
        points: limit.points,
        duration: limit.windowSeconds,
        blockDuration: limit.blockSeconds ?? 0,
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
    const redis = this.redis;
    if (!redis || redis.status === 'ready') return;
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        redis.off('ready', onReady);
        // Host and port only: the URL may carry a password.
        const { host, port } = redis.options;
        reject(new Error(`Redis at ${host}:${port} did not answer within ${timeoutMs} ms`));
      }, timeoutMs);
      const onReady = () => {
        clearTimeout(timer);
        resolve();
      };
      redis.once('ready', onReady);
    });
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

  /** Gives back one attempt, e.g. when a request was refused for a reason not the caller's. */
  async reward(bucket: RateLimitBucket, key: string): Promise<void> {
    await this.limiters[bucket].reward(hashKey(key));
  }

  /** Forgets a key's attempts, e.g. the failed logins of an account once a login succeeds. */
  async reset(bucket: RateLimitBucket, key: string): Promise<void> {
    await this.limiters[bucket].delete(hashKey(key));
  }

  async close(): Promise<void> {
    if (!this.redis) return;
    await this.redis.quit().catch(() => this.redis?.disconnect());
  }
}

function connect(url: string, onError: (error: Error) => void): Redis {
  const redis = new Redis(url, {
    // Fail fast instead of queueing: a login must not wait on a Redis that is away.
    enableOfflineQueue: false,
    commandTimeout: 1000,
  });
  // Say it once per outage, not on every reconnect attempt.
  let healthy = true;
  redis.on('error', (error: Error) => {
    if (healthy) onError(error);
    healthy = false;
  });
  redis.on('ready', () => (healthy = true));
  return redis;
}

/** Case and spaces do not make a new key (no bypass), and the stored key reveals nothing. */
function hashKey(key: string): string {
  return createHash('sha256').update(key.trim().toLowerCase()).digest('base64url');
}
