/**
 * A local request budget (default ≤ 60 requests a minute, configurable, off for the sandbox). It spaces
 * page fetches out so that a long backfill stays under the budget; the server's own `retry-after` on a 429 is
 * honoured separately by the client's retries.
 */
import type { Clock } from '../ports';

export const DEFAULT_REQUESTS_PER_MINUTE = 60;
const WINDOW_MS = 60_000;

export class RequestBudget {
  private readonly sent: number[] = [];

  /** `perMinute` null or ≤ 0 turns the budget off. */
  constructor(
    private readonly clock: Clock,
    private readonly perMinute: number | null,
  ) {}

  /** Waits until one more request fits in the last minute's budget, then counts it. */
  async acquire(): Promise<void> {
    if (this.perMinute == null || this.perMinute <= 0) return;
    for (;;) {
      const now = this.clock.now();
      while (this.sent.length > 0 && now - (this.sent[0] ?? 0) >= WINDOW_MS) this.sent.shift();
      if (this.sent.length < this.perMinute) {
        this.sent.push(now);
        return;
      }
      await this.clock.sleep(WINDOW_MS - (now - (this.sent[0] ?? now)));
    }
  }
}
