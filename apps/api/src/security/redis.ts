import { Redis } from 'ioredis';

/** A Redis client for state several API instances share (today: the rate limits). */
export function connectRedis(url: string, onError: (error: Error) => void): Redis {
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

/**
 * Resolves once Redis answers. Start-up awaits it, so a wrong REDIS_URL stops the API instead
 * of leaving each instance with state of its own.
 */
export async function redisReady(redis: Redis, timeoutMs = 5000): Promise<void> {
  if (redis.status === 'ready') return;
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
