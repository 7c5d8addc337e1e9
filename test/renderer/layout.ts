/**
 * jsdom has no layout: every element measures 0×0, so the virtualised tree would render no rows. This gives
 * elements a fixed size (a 600 px tall scroll area, 34 px rows) so the virtualiser renders a first screen.
 */
export function giveElementsASize(): void {
  for (const [prop, value] of [
    ['offsetHeight', 600],
    ['offsetWidth', 800],
    ['clientHeight', 600],
    ['clientWidth', 800],
  ] as const) {
    Object.defineProperty(HTMLElement.prototype, prop, { configurable: true, get: () => value });
  }
  HTMLElement.prototype.getBoundingClientRect = function () {
    return {
      x: 0,
      y: 0,
      top: 0,
      left: 0,
      bottom: 600,
      right: 800,
      width: 800,
      height: 600,
      toJSON: () => ({}),
    } as DOMRect;
  };
  HTMLElement.prototype.scrollTo = function () {};
}
