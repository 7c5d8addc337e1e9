import { describe, expect, it } from 'vitest';
import { createPush } from '../../../main/ipc/push';
import { WebContentsDouble } from '../../helpers/electron-double';

describe('createPush', () => {
  it('sends a parsed payload to every live target and skips destroyed ones', () => {
    const live = new WebContentsDouble();
    const dead = new WebContentsDouble();
    dead.destroyed = true;
    const push = createPush(() => [live, dead]);
    push('clade:sync/progress-changed', { phase: 'running', resource: 'users', page: 2, rows: 40 });
    expect(live.sent).toEqual([
      { channel: 'clade:sync/progress-changed', args: [{ phase: 'running', resource: 'users', page: 2, rows: 40 }] },
    ]);
    expect(dead.sent).toEqual([]);
  });

  it('refuses a payload outside the contract instead of sending it', () => {
    const target = new WebContentsDouble();
    const push = createPush(() => [target]);
    expect(() => push('clade:sync/progress-changed', { phase: 'exploded' } as never)).toThrow();
    expect(target.sent).toEqual([]);
  });
});
