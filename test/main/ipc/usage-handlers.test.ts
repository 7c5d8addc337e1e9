/** The `clade:usage/series` handler: a mirror not ready yet and a bad custom range come back as answers the window can show. */
import { describe, expect, it } from 'vitest';
import { openMirror } from '../../../main/db/open';
import { usageHandlers } from '../../../main/ipc/domains/usage';
import { HandlerError } from '../../../main/ipc/handler-error';

const ctx = { channel: 'clade:usage/series', via: 'ipc' } as const;
const now = Date.UTC(2026, 10, 21, 12);

describe('clade:usage/series', () => {
  it('answers from the mirror, as unavailable before it exists, and as bad-request for a backwards range', async () => {
    const db = openMirror(':memory:');
    try {
      const handler = usageHandlers({ mirror: () => db, now: () => now })['clade:usage/series'];
      const answer = await handler(
        { range: { kind: 'preset', preset: '7d' }, bucket: 'day', groupBy: 'workspace', metric: 'cost' },
        ctx,
      );
      expect(answer.bucketStartsMs).toHaveLength(7);
      expect(answer.billed).toBe('available');
      await expect(
        handler(
          {
            range: { kind: 'custom', from: '2026-11-10', to: '2026-11-01' },
            bucket: 'day',
            groupBy: 'workspace',
            metric: 'cost',
          },
          ctx,
        ),
      ).rejects.toMatchObject({ code: 'bad-request', message: 'The start day is after the end day.' });
      const none = usageHandlers({ mirror: () => null, now: () => now })['clade:usage/series'];
      await expect(
        none({ range: { kind: 'preset', preset: '7d' }, bucket: 'day', groupBy: 'workspace', metric: 'cost' }, ctx),
      ).rejects.toBeInstanceOf(HandlerError);
    } finally {
      db.close();
    }
  });
});
