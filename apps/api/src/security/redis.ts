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
