import { describe, expect, it } from 'vitest';
import { createWindowNavigator, navigationFor } from '../../../main/app/tray/tray-navigation';
import type { Navigate } from '../../../preload/contract';

describe('navigation from the tray and notifications', () => {
  it("maps the alert core's views onto the window's", () => {
    expect(navigationFor({ view: 'spend', id: 'wrkspc_1' })).toEqual({ view: 'spend', target: 'wrkspc_1' });
    expect(navigationFor({ view: 'keys', id: 'apikey_1' })).toEqual({ view: 'keys', target: 'apikey_1' });
    expect(navigationFor({ view: 'people', id: 'user_1' })).toEqual({ view: 'people', target: 'user_1' });
    expect(navigationFor({ view: 'people', id: 'invite_1' })).toEqual({ view: 'people', target: 'invite_1' });
    expect(navigationFor({ view: 'sync' })).toEqual({ view: 'overview' });
    expect(navigationFor(null)).toBeNull();
  });

  it('pushes the view at once to an open window, and holds it for a window it had to create until asked once', () => {
    const pushed: Navigate[] = [];
    let exists = true;
    const navigator = createWindowNavigator({
      showWindow: () => {
        const had = exists;
        exists = true;
        return had;
      },
      push: (to) => pushed.push(to),
    });
    navigator.navigate({ view: 'keys', target: 'apikey_1' });
    navigator.navigate(null);
    expect(pushed).toEqual([{ view: 'keys', target: 'apikey_1' }]);
    expect(navigator.takePending()).toBeNull();
    exists = false;
    navigator.navigate({ view: 'alerts' });
    expect(pushed).toHaveLength(1);
    expect(navigator.takePending()).toEqual({ view: 'alerts' });
    expect(navigator.takePending()).toBeNull(); // a later reload does not navigate again
  });
});
