/**
 * The org tree with its badges: each workspace's month-to-date spend against its budgets and limits, each
 * key's estimated month-to-date cost and hygiene verdict. Two grouped reads on top of the tree (daily cost
 * rollup, the month's key usage rollup): no query per node, so a 100-workspace, 2,000-key org stays one pass.
 */
import type Database from 'better-sqlite3';
import type { OrgKey, OrgTree } from '../../../preload/contract';
import { workspaceKey } from '../../core/alerts/index';
import { nanocentsToCents } from '../../core/money';
import { readOrgTree } from '../repos/org-tree-repo';
import { readKeyBadges, type KeyBadge } from './overview-key-spend';
import { readSpendPicture } from './overview-spend';

export function readOrgTreeWithBadges(db: Database.Database, nowMs: number): OrgTree | null {
  const tree = readOrgTree(db);
  if (!tree) return null;
  const picture = readSpendPicture(db, nowMs);
  const badges = readKeyBadges(db, nowMs);
  for (const workspace of tree.workspaces) {
    badgeKeys(workspace.keys, badges);
    const spend = picture.workspaces.get(workspaceKey(workspace.id));
    workspace.spend = { cents: nanocentsToCents(spend?.spentNanocents ?? 0n), targets: spend?.targets ?? [] };
  }
  if (tree.organizationKeys) badgeKeys(tree.organizationKeys, badges);
  tree.spend = { cents: nanocentsToCents(picture.org.spentNanocents), targets: picture.org.targets };
  return tree;
}

/**
 * Adds the badges to the keys in place (the workspaces and the org get theirs the same way): readOrgTree builds a
 * new tree on every call and nobody else holds it, and copying 2,000 keys with spread cost more than reading them.
 */
function badgeKeys(keys: OrgKey[], badges: Map<string, KeyBadge>): void {
  for (const key of keys) {
    const badge = badges.get(key.id);
    if (!badge) continue;
    key.estimatedMonthCents = badge.estimatedMonthCents;
    key.hygiene = badge.hygiene;
  }
}
