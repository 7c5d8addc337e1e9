import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OrgTree, Result } from '../../preload/contract';
import { openApp, screenshot, seriousA11yViolations, type BrowserSession } from './browser';
import { ORG_ADMIN_ROLES, readSandboxTruth } from '../helpers/sandbox-truth';

let session: BrowserSession;

beforeAll(async () => {
  session = await openApp();
  // A fresh profile starts on the welcome screen; the demo org is one click away.
  await session.page.getByRole('button', { name: 'Explore the demo org' }).click();
});
afterAll(async () => {
  await session?.close();
});

/** What the harness serves, asked over its HTTP api like the page does (same-origin). */
async function servedTree(): Promise<OrgTree> {
  const origin = new URL(session.harness.url).origin;
  const response = await fetch(`${origin}/api/clade:org/tree`, {
    method: 'POST',
    headers: { origin, 'content-type': 'application/json' },
    body: '{}',
  });
  const result = (await response.json()) as Result<OrgTree | null>;
  if (!result.ok || !result.value) throw new Error('the harness served no tree');
  return result.value;
}

describe('the org tree on the demo org', () => {
  it('shows the organization and every workspace the sandbox serves', async () => {
    const { page } = session;
    const tree = await servedTree();
    expect(tree.workspaces.length).toBeGreaterThanOrEqual(3);
    const treeWidget = page.getByRole('tree');
    await treeWidget.waitFor();
    await expect(page.getByRole('treeitem', { level: 1 }).first().textContent()).resolves.toContain(tree.org.name);
    // The tree is virtualised: collapse to the workspaces so all of them are on screen.
    await page.getByRole('button', { name: 'Collapse all' }).click();
    const workspaceRows = page.locator('[role="treeitem"][aria-level="2"][data-kind="workspace"] .tree-label');
    await workspaceRows.first().waitFor();
    const shown = await workspaceRows.allTextContents();
    expect(shown.sort()).toEqual(tree.workspaces.map((w) => w.name).sort());
    await expect(page.getByText('Demo org').isVisible()).resolves.toBe(true);
    await page.getByRole('button', { name: 'Expand all' }).click();
  });

  it('shows members with their roles and keys with their hints', async () => {
    const { page } = session;
    const tree = await servedTree();
    const withMember = tree.workspaces.find((w) => w.members.length > 0)!;
    const member = withMember.members[0]!;
    await expect(page.locator('[role="treeitem"][data-kind="member"]').first().isVisible()).resolves.toBe(true);
    const key = tree.workspaces.flatMap((w) => w.keys).find((k) => k.partialKeyHint)!;
    await page.getByLabel('Search the org').fill(key.name);
    await expect(page.locator('[role="treeitem"][data-kind="key"]').first().textContent()).resolves.toContain(
      key.partialKeyHint!,
    );
    await page.getByLabel('Search the org').fill(member.email);
    await expect(page.locator('[role="treeitem"][data-kind="member"]').first().textContent()).resolves.toMatch(
      /admin|user|developer|billing/i,
    );
    await page.getByLabel('Search the org').fill('');
  });

  it('"Needs attention" narrows the tree to flagged keys, each with its verdict badge', async () => {
    const { page } = session;
    await page.getByLabel('Needs attention').check();
    const keys = page.locator('[role="treeitem"][data-kind="key"]');
    await keys.first().waitFor();
    const badges = await keys.locator('.badge').allTextContents();
    expect(badges.length).toBeGreaterThan(0);
    for (const badge of badges)
      expect([
        'Rotate soon',
        'Dormant',
        'Expiring',
        'Expired',
        'Orphaned',
        'Default workspace',
        'Inactive',
        'Archived',
      ]).toContain(badge);
    await screenshot(page, 'org-tree-attention');
    await page.getByLabel('Needs attention').uncheck();
  });

  it('badges workspaces with month-to-date spend and the share of their limit, and keys with estimates and verdicts', async () => {
    const { page } = session;
    const tree = await servedTree();
    await page.getByRole('button', { name: 'Collapse all' }).click(); // org open: its workspaces on one screen
    const production = tree.workspaces.find((w) => w.name === 'Production')!;
    const limit = production.spend!.targets.find((t) => t.source === 'limit')!;
    const row = page.locator('[role="treeitem"][data-kind="workspace"]', { hasText: 'Production' }).first();
    await expect(row.locator('.tree-money').textContent()).resolves.toMatch(/^\$[\d,]+\.\d\d this month$/);
    // The tone follows the share served (the demo runs on today's date: early in a month Production is under its limit).
    const tone = limit.percent >= 100 ? 'over' : limit.percent >= 80 ? 'warn' : 'ok';
    await expect(row.locator(`.badge.tone-${tone}`).textContent()).resolves.toBe(`${limit.percent} % of limit`);
    // Keys with usage this month carry an estimate, marked as one.
    const used = tree.workspaces
      .flatMap((w) => w.keys)
      .find((k) => k.estimatedMonthCents && !/^0(\.0*)?$/.test(k.estimatedMonthCents))!;
    await page.getByLabel('Search the org').fill(used.name);
    const keyRow = page.locator('[role="treeitem"][data-kind="key"]', { hasText: used.name }).first();
    await expect(keyRow.locator('.tree-money').textContent()).resolves.toMatch(/^≈ \$[\d,]+\.\d\d this month$/);
    await expect(keyRow.locator('.tree-money').getAttribute('title')).resolves.toMatch(/^Estimate/);
    await page.getByLabel('Search the org').fill('');
    // Status filter: archived keys and workspaces only.
    await page.getByLabel('Status').selectOption('archived');
    const kinds = await page
      .locator('[role="treeitem"]')
      .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-kind')));
    expect(kinds.filter((kind) => kind === 'member')).toEqual([]);
    await page.getByLabel('Status').selectOption('');
    await page.getByLabel('Needs attention').check();
    await page.locator('[role="treeitem"][data-kind="workspace"]').first().waitFor();
    await screenshot(page, 'org-tree-badges');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.getByLabel('Needs attention').uncheck();
  });

  it("opens Production's details: everyone who can reach it, org admins marked implicit, its keys; axe clean", async () => {
    const { page, harness } = session;
    const truth = await readSandboxTruth({ url: harness.sandboxUrl!, adminKey: harness.sandboxAdminKey! });
    const production = truth.workspaces.find((w) => w.name === 'Production')!;
    const admins = truth.users.filter((u) => ORG_ADMIN_ROLES.includes(u.role));
    const implicitAdmins = admins.filter((u) => !production.members.has(u.id));
    expect(implicitAdmins.length).toBeGreaterThan(0); // the demo org has an admin outside Production

    await page.getByRole('button', { name: 'Collapse all' }).click();
    const row = page.locator('[role="treeitem"][data-kind="workspace"]', { hasText: 'Production' }).first();
    await row.click();
    const people = page.getByRole('region', { name: /^Who can reach it/ });
    await people.waitFor();
    for (const admin of admins) {
      const personRow = people.getByRole('listitem').filter({ hasText: admin.email });
      await expect(personRow.textContent()).resolves.toContain('Workspace admin');
    }
    for (const admin of implicitAdmins) {
      const personRow = people.getByRole('listitem').filter({ hasText: admin.email });
      await expect(personRow.locator('.implicit-badge').textContent()).resolves.toBe('Implicit · org admin');
    }
    const keys = page.getByRole('region', { name: /^API keys/ });
    for (const key of truth.keys.filter((k) => k.workspaceId === production.id))
      await expect(keys.locator('li > strong', { hasText: key.name }).count()).resolves.toBeGreaterThanOrEqual(1);
    // Workspace-member actions are reachable from here: a member's "Manage" opens the role and remove controls.
    await people.locator('summary').first().click();
    await expect(people.getByRole('button', { name: 'Remove from workspace' }).first().isVisible()).resolves.toBe(true);
    await expect(page.getByRole('button', { name: 'Add to workspace' }).isVisible()).resolves.toBe(true);
    await screenshot(page, 'org-tree-workspace-access');
    expect(await seriousA11yViolations(page)).toEqual([]);
  });

  it('renders with no console errors or CSP violations, saves a screenshot, and passes axe', async () => {
    const { page, problems } = session;
    await page.getByRole('tree').waitFor();
    const path = await screenshot(page, 'org-tree-demo');
    expect(path).toMatch(/test-results\/org-tree-demo\.png$/);
    expect(problems).toEqual([]);
    expect(await seriousA11yViolations(page)).toEqual([]);
  });
});
