import { describe, expect, it } from 'vitest';
import { buildTreeNodes } from '../../../../renderer/features/org-tree/tree-nodes';
import { flattenTree } from '../../../../renderer/features/org-tree/flatten-tree';
import { isTypeAheadKey, treeKeyAction } from '../../../../renderer/features/org-tree/tree-keys';
import { demoTree } from '../../fixtures';

const roots = buildTreeNodes(demoTree);
// org, Default Workspace, Production (expanded), Members (expanded), Ada, Bob, API keys (collapsed), Hackathon
const rows = flattenTree(roots, new Set(['org', 'ws:wrkspc_01PROD', 'ws:wrkspc_01PROD/members']));
const at = (label: string) => rows.findIndex((row) => row.node.label === label);

describe('treeKeyAction', () => {
  it('moves with the arrows and jumps with Home/End, staying inside the list', () => {
    expect(treeKeyAction(rows, 0, 'ArrowDown')).toEqual({ type: 'move', index: 1 });
    expect(treeKeyAction(rows, 0, 'ArrowUp')).toEqual({ type: 'move', index: 0 });
    expect(treeKeyAction(rows, rows.length - 1, 'ArrowDown')).toEqual({ type: 'move', index: rows.length - 1 });
    expect(treeKeyAction(rows, 3, 'Home')).toEqual({ type: 'move', index: 0 });
    expect(treeKeyAction(rows, 0, 'End')).toEqual({ type: 'move', index: rows.length - 1 });
  });

  it('Right expands a closed node, then enters its first child; does nothing on a leaf', () => {
    expect(treeKeyAction(rows, at('API keys'), 'ArrowRight')).toEqual({ type: 'expand', id: 'ws:wrkspc_01PROD/keys' });
    expect(treeKeyAction(rows, at('Production'), 'ArrowRight')).toEqual({ type: 'move', index: at('Members') });
    expect(treeKeyAction(rows, at('Ada Lovelace'), 'ArrowRight')).toEqual({ type: 'none' });
  });

  it('Left collapses an open node, else goes to the parent', () => {
    expect(treeKeyAction(rows, at('Members'), 'ArrowLeft')).toEqual({
      type: 'collapse',
      id: 'ws:wrkspc_01PROD/members',
    });
    expect(treeKeyAction(rows, at('Bob Byte'), 'ArrowLeft')).toEqual({ type: 'move', index: at('Members') });
    expect(treeKeyAction(rows, 0, 'ArrowLeft')).toEqual({ type: 'collapse', id: 'org' });
  });

  it('Enter opens the active row', () => {
    expect(treeKeyAction(rows, at('Bob Byte'), 'Enter')).toEqual({ type: 'open', index: at('Bob Byte') });
  });

  it('type-ahead finds the next label with the typed prefix, wrapping around', () => {
    expect(treeKeyAction(rows, 0, 'h', 'h')).toEqual({ type: 'move', index: at('Hackathon') });
    expect(treeKeyAction(rows, at('Hackathon'), 'a', 'a')).toEqual({ type: 'move', index: at('Acme Research') });
    expect(treeKeyAction(rows, 0, 'b', 'bo')).toEqual({ type: 'move', index: at('Bob Byte') });
    expect(treeKeyAction(rows, 0, 'z', 'z')).toEqual({ type: 'none' });
  });

  it('does nothing on an empty tree', () => {
    expect(treeKeyAction([], 0, 'ArrowDown')).toEqual({ type: 'none' });
  });
});

describe('isTypeAheadKey', () => {
  it('accepts one printable character without modifiers', () => {
    expect(isTypeAheadKey({ key: 'a', ctrlKey: false, metaKey: false, altKey: false })).toBe(true);
    expect(isTypeAheadKey({ key: 'a', ctrlKey: true, metaKey: false, altKey: false })).toBe(false);
    expect(isTypeAheadKey({ key: 'ArrowDown', ctrlKey: false, metaKey: false, altKey: false })).toBe(false);
    expect(isTypeAheadKey({ key: ' ', ctrlKey: false, metaKey: false, altKey: false })).toBe(false);
  });
});
