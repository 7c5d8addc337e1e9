/**
 * Keyboard behaviour of the ARIA tree pattern (WAI-ARIA APG "Tree View"), as a pure function of the rows,
 * the active row and the key: arrows move, Right/Left expand, collapse or go to child/parent, Home/End
 * jump, Enter opens, printable characters type ahead.
 */
import type { TreeRow } from './flatten-tree';

export type TreeAction =
  | { type: 'move'; index: number }
  | { type: 'expand'; id: string }
  | { type: 'collapse'; id: string }
  | { type: 'open'; index: number }
  | { type: 'none' };

export function treeKeyAction(rows: readonly TreeRow[], active: number, key: string, typed = ''): TreeAction {
  if (rows.length === 0) return { type: 'none' };
  const row = rows[Math.min(Math.max(active, 0), rows.length - 1)]!;
  switch (key) {
    case 'ArrowDown':
      return { type: 'move', index: Math.min(active + 1, rows.length - 1) };
    case 'ArrowUp':
      return { type: 'move', index: Math.max(active - 1, 0) };
    case 'Home':
      return { type: 'move', index: 0 };
    case 'End':
      return { type: 'move', index: rows.length - 1 };
    case 'ArrowRight':
      if (row.hasChildren && !row.expanded) return { type: 'expand', id: row.node.id };
      if (row.expanded) return { type: 'move', index: active + 1 };
      return { type: 'none' };
    case 'ArrowLeft': {
      if (row.expanded) return { type: 'collapse', id: row.node.id };
      const parent = rows.findIndex((candidate) => candidate.node.id === row.parentId);
      return parent >= 0 ? { type: 'move', index: parent } : { type: 'none' };
    }
    case 'Enter':
      return { type: 'open', index: active };
    default:
      return typed ? typeAhead(rows, active, typed) : { type: 'none' };
  }
}

/** The next row (after the active one, wrapping) whose label starts with what was typed. */
export function typeAhead(rows: readonly TreeRow[], active: number, typed: string): TreeAction {
  const prefix = typed.toLowerCase();
  // A repeated single letter cycles through matches; a longer prefix may stay on the current row.
  const start = prefix.length === 1 ? active + 1 : active;
  for (let step = 0; step < rows.length; step++) {
    const index = (start + step) % rows.length;
    if (rows[index]!.node.label.toLowerCase().startsWith(prefix)) return { type: 'move', index };
  }
  return { type: 'none' };
}

/** Whether a keydown is a type-ahead character (no modifier, one printable character). */
export function isTypeAheadKey(event: { key: string; ctrlKey: boolean; metaKey: boolean; altKey: boolean }): boolean {
  return event.key.length === 1 && event.key !== ' ' && !event.ctrlKey && !event.metaKey && !event.altKey;
}
