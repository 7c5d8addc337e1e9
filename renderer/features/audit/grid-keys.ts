/** Keyboard of the audit grid (ARIA grid, row navigation): which row a key moves to, or that it opens one. */
export type GridKeyAction = { type: 'move'; index: number } | { type: 'open'; index: number } | { type: 'none' };

export function gridKeyAction(key: string, index: number, count: number, pageRows: number): GridKeyAction {
  if (count === 0) return { type: 'none' };
  const last = count - 1;
  const clamp = (value: number): number => Math.min(last, Math.max(0, value));
  switch (key) {
    case 'ArrowDown':
      return { type: 'move', index: clamp(index + 1) };
    case 'ArrowUp':
      return { type: 'move', index: clamp(index - 1) };
    case 'PageDown':
      return { type: 'move', index: clamp(index + pageRows) };
    case 'PageUp':
      return { type: 'move', index: clamp(index - pageRows) };
    case 'Home':
      return { type: 'move', index: 0 };
    case 'End':
      return { type: 'move', index: last };
    case 'Enter':
    case ' ':
      return { type: 'open', index: clamp(index) };
    default:
      return { type: 'none' };
  }
}
