import { describe, expect, it } from 'vitest';
import { methodNameOf } from '../../preload/api-shape';
import { channelKinds } from '../../preload/contract';

describe('methodNameOf', () => {
  it('maps invoke actions to camelCase and push actions to on<Action>', () => {
    expect(methodNameOf('clade:org/tree', 'invoke')).toEqual({ domain: 'org', method: 'tree' });
    expect(methodNameOf('clade:key/set-label', 'invoke')).toEqual({ domain: 'key', method: 'setLabel' });
    expect(methodNameOf('clade:sync/progress-changed', 'push')).toEqual({
      domain: 'sync',
      method: 'onProgressChanged',
    });
  });

  it('rejects names outside clade:<domain>/<action>', () => {
    expect(() => methodNameOf('org/tree', 'invoke')).toThrow();
    expect(() => methodNameOf('clade:Org/tree', 'invoke')).toThrow();
  });
});

describe('the contract table', () => {
  it('names every channel clade:<domain>/<action>, and only push channels end in -changed', () => {
    for (const { name, kind } of channelKinds()) {
      expect(name).toMatch(/^clade:[a-z][a-z0-9-]*\/[a-z][a-z0-9-]*$/);
      expect(name.endsWith('-changed'), name).toBe(kind === 'push');
    }
  });
});
