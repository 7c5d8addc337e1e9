/**
 * The local request budget: a token bucket, so a short sync goes at once and a long backfill settles at the rate
 * the admin chose (`sync.requestsPerMinute`, default 60; `sync --rate N`; off for the sandbox). The server's own
 * `retry-after` on a 429 is honoured by the client's retries; on top of that, a second 429 in one run tells us the
 * rate is too high for this org, so each 429 after the first halves the rate for the rest of the run.
 */
import type { Clock } from '../ports';

export const DEFAULT_REQUESTS_PER_MINUTE = 60;
export const MAX_REQUESTS_PER_MINUTE = 600;
/** Requests that may go at once before the rate applies. */
export const DEFAULT_BURST = 30;
const MINUTE_MS = 60_000;

export class RequestBudget {
  private tokens: number;
  private refilledAtMs: number;
  private rateLimitedCount = 0;
  private perMinute: number | null;

  /** `perMinute` null or ≤ 0 turns the budget off. */
  constructor(
    private readonly clock: Clock,
    perMinute: number | null,
    private readonly burst: number = DEFAULT_BURST,
  ) {
    this.perMinute = perMinute == null || perMinute <= 0 ? null : perMinute;
    this.tokens = Math.max(1, burst);
    this.refilledAtMs = clock.now();
  }

  /** The rate now in force (lowered after repeated 429s); null when off. */
  get requestsPerMinute(): number | null {
    return this.perMinute;
  }

  /** Waits until a token is available, then takes it. */
  async acquire(): Promise<void> {
    if (this.perMinute === null) return;
    for (;;) {
      this.refill();
      if (this.tokens >= 1) {
        this.tokens -= 1;
        return;
      }
      const msPerToken = MINUTE_MS / this.perMinute;
      await this.clock.sleep(Math.ceil((1 - this.tokens) * msPerToken));
    }
  }

  /** The API answered 429: from the second one on, halve the rate (at least one a minute) and empty the bucket. */
  rateLimited(): void {
    this.rateLimitedCount += 1;
    if (this.perMinute === null || this.rateLimitedCount < 2) return;
    this.refill();
    this.perMinute = Math.max(1, Math.floor(this.perMinute / 2));
    this.tokens = Math.min(this.tokens, 0);
  }

  private refill(): void {
    const now = this.clock.now();
    if (this.perMinute !== null && now > this.refilledAtMs) {
      this.tokens = Math.min(
        Math.max(1, this.burst),
        this.tokens + ((now - this.refilledAtMs) * this.perMinute) / MINUTE_MS,
      );
    }
    this.refilledAtMs = Math.max(this.refilledAtMs, now);
  }
}
