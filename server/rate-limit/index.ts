import "server-only";
import { Redis } from "@upstash/redis";

export interface RateLimitResult {
  isAllowed: boolean;
  /** Milliseconds until the next call would be allowed (0 when allowed). */
  retryAfterMs: number;
  remaining: number;
}

export interface RateLimiter {
  consume(key: string, options: { limit: number; windowMs: number }): Promise<RateLimitResult>;
}

/** A fixed window per key, in this process only: right for one server and for tests. */
export function createMemoryRateLimiter(now: () => number = Date.now): RateLimiter & { reset(): void } {
  const windows = new Map<string, { startedAt: number; count: number }>();
  return {
    async consume(key, { limit, windowMs }) {
      const at = now();
      let window = windows.get(key);
      if (!window || at - window.startedAt >= windowMs) {
        window = { startedAt: at, count: 0 };
        windows.set(key, window);
      }
      if (window.count >= limit) return { isAllowed: false, retryAfterMs: window.startedAt + windowMs - at, remaining: 0 };
      window.count++;
      return { isAllowed: true, retryAfterMs: 0, remaining: limit - window.count };
    },
    reset() {
      windows.clear();
    },
  };
}

/** The same fixed window on Upstash Redis, shared by every server process: INCR, and the window's TTL set on its first hit. */
export function createRedisRateLimiter(redis: Redis): RateLimiter {
  return {
    async consume(key, { limit, windowMs }) {
      const redisKey = `hastecrm:ratelimit:${key}`;
      const count = await redis.incr(redisKey);
      if (count === 1) await redis.pexpire(redisKey, windowMs);
      if (count <= limit) return { isAllowed: true, retryAfterMs: 0, remaining: limit - count };
      let ttl = await redis.pttl(redisKey);
      // A key left without a TTL (a crash between INCR and PEXPIRE) would block forever; give it one.
      if (ttl < 0) {
        await redis.pexpire(redisKey, windowMs);
        ttl = windowMs;
      }
      return { isAllowed: false, retryAfterMs: ttl, remaining: 0 };
    },
  };
}

const globalLimiter = globalThis as unknown as { __hastecrmRateLimiter?: RateLimiter };

/** Redis when UPSTASH_REDIS_REST_URL and UPSTASH_REDIS_REST_TOKEN are set, else in-memory. */
export function getRateLimiter(): RateLimiter {
  if (!globalLimiter.__hastecrmRateLimiter) {
    const url = process.env.UPSTASH_REDIS_REST_URL;
    const token = process.env.UPSTASH_REDIS_REST_TOKEN;
    globalLimiter.__hastecrmRateLimiter = url && token ? createRedisRateLimiter(new Redis({ url, token })) : createMemoryRateLimiter();
  }
  return globalLimiter.__hastecrmRateLimiter;
}
