/**
 * The org tree with its badges: each workspace's month-to-date spend against its budgets and limits, each
 * key's estimated month-to-date cost and hygiene verdict. Two grouped reads on top of the tree (daily cost
 * rollup, one pass over key usage): no query per node, so a 100-workspace, 2,000-key org stays one pass.
 */
import type Database from 'better-sqlite3';
import type { OrgKey, OrgTree } from '../../../preload/contract';
import { workspaceKey } from '../../core/alerts/index';
import { nanocentsToCents } from '../../core/money';
import { readOrgTree } from '../../db/repos/org-tree-repo';
import { readKeyBadges } from './overview-key-spend';
import { readSpendPicture } from './overview-spend';

export function readOrgTreeWithBadges(db: Database.Database, nowMs: number): OrgTree | null {
  const tree = readOrgTree(db);
  if (!tree) return null;
  const picture = readSpendPicture(db, nowMs);
  const badges = readKeyBadges(db, nowMs);
  const badgeKey = (key: OrgKey): OrgKey => {
    const badge = badges.get(key.id);
    return badge ? { ...key, estimatedMonthCents: badge.estimatedMonthCents, hygiene: badge.hygiene } : key;
  };
  return {
    ...tree,
    spend: { cents: nanocentsToCents(picture.org.spentNanocents), targets: picture.org.targets },
    workspaces: tree.workspaces.map((workspace) => {
      const spend = picture.workspaces.get(workspaceKey(workspace.id));
      return {
        ...workspace,
        keys: workspace.keys.map(badgeKey),
        spend: { cents: nanocentsToCents(spend?.spentNanocents ?? 0n), targets: spend?.targets ?? [] },
      };
    }),
    ...(tree.organizationKeys ? { organizationKeys: tree.organizationKeys.map(badgeKey) } : {}),
  };
}
