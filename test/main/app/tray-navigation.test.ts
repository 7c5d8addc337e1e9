import { describe, expect, it } from 'vitest';
import { createWindowNavigator, navigationFor } from '../../../main/app/tray-navigation';
import type { Navigate } from '../../../preload/contract';

describe('navigation from the tray and notifications', () => {
  it("maps the alert core's views onto the window's", () => {
    expect(navigationFor({ view: 'spend', id: 'wrkspc_1' })).toEqual({ view: 'spend', target: 'wrkspc_1' });
    expect(navigationFor({ view: 'keys', id: 'apikey_1' })).toEqual({ view: 'keys', target: 'apikey_1' });
    expect(navigationFor({ view: 'people', id: 'user_1' })).toEqual({ view: 'tree', target: 'user_1' });
    expect(navigationFor({ view: 'sync' })).toEqual({ view: 'overview' });
    expect(navigationFor(null)).toBeNull();
  });

  it('pushes the view at once to an open window, and only after load to a window it had to create', () => {
    const pushed: Navigate[] = [];
    let exists = true;
    const loaded: Array<() => void> = [];
    const navigate = createWindowNavigator({
      showWindow: () => {
        const had = exists;
        exists = true;
        return had;
      },
      push: (to) => pushed.push(to),
      afterLoad: (fn) => loaded.push(fn),
    });
    navigate({ view: 'keys', target: 'apikey_1' });
    navigate(null);
    expect(pushed).toEqual([{ view: 'keys', target: 'apikey_1' }]);
    exists = false;
    navigate({ view: 'alerts' });
    expect(pushed).toHaveLength(1);
    loaded.forEach((fn) => fn());
    loaded.forEach((fn) => fn()); // a later reload does not navigate again
    expect(pushed).toEqual([{ view: 'keys', target: 'apikey_1' }, { view: 'alerts' }]);
  });
});
