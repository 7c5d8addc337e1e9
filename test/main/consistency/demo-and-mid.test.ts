/**
 * One truth on every surface: on the demo and mid orgs at a pinned instant, each question gets one answer from the
 * window's DTOs, the CLI's JSON, the recorded alert episodes and the tray's menu — each key's verdict and days to
 * expiry, month-to-date spend of the org and each workspace, the forecasts, the open alerts straight after the sync
 * (no `check` has run), and a reconciliation whose difference is the billed minus the estimate shown.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectAnswers, disagreements, openPinnedOrg, type Answers, type PinnedOrg } from './surfaces';

/** Late in a month, so the demo org is past some limits and has a forecast, whatever day the suite runs. */
const PINNED = Date.parse('2026-11-24T10:00:00Z');

describe.each(['demo', 'mid'] as const)('the %s org', (size) => {
  let org: PinnedOrg;
  let answers: Answers;

  beforeAll(async () => {
    org = await openPinnedOrg(size, PINNED);
    answers = await collectAnswers(org);
  }, 180_000);
  afterAll(async () => {
    await org?.close();
  });

  it('has something to compare on every surface', () => {
    expect(answers.inventory.length).toBeGreaterThan(10);
    expect(answers.inventory.some((key) => key.verdict !== 'ok' && key.verdict !== 'inactive')).toBe(true);
    expect(answers.spend.overview.byWorkspace.size).toBeGreaterThan(1);
    expect(answers.alerts.episodes).toBeGreaterThan(0);
    expect(answers.reconciliation.billedCents).not.toBeNull();
    expect(answers.forecast.overview).not.toBeNull();
  });

  it('gives one answer per fact on every surface', () => {
    expect(disagreements(answers)).toEqual([]);
  });
});

describe("the demo org's forecast", () => {
  let org: PinnedOrg;
  beforeAll(async () => {
    org = await openPinnedOrg('demo', PINNED);
  }, 180_000);
  afterAll(async () => {
    await org?.close();
  });

  it('is capped where a workspace spend limit stops spend, and says which', async () => {
    const answers = await collectAnswers(org);
    expect(answers.forecast.overviewCaps.length).toBeGreaterThan(0);
    for (const cap of answers.forecast.overviewCaps) expect(cap).toMatch(/^.+: capped at its \$[\d,]+\.\d\d limit$/);
  });
});

describe('the comparison itself', () => {
  let org: PinnedOrg;
  let answers: Answers;

  beforeAll(async () => {
    org = await openPinnedOrg('demo', PINNED);
    answers = await collectAnswers(org);
  }, 180_000);
  afterAll(async () => {
    await org?.close();
  });

  it('fails when one source is broken (a test-only override of one surface)', () => {
    const flagged = answers.inventory.find((key) => key.verdict === 'rotate-soon' || key.verdict === 'dormant')!;
    const brokenInventory: Answers = {
      ...answers,
      inventory: answers.inventory.map((key) => (key === flagged ? { ...key, verdict: 'ok' } : key)),
    };
    expect(disagreements(brokenInventory).join('\n')).toContain(`key ${flagged.id}: inventory "ok"`);

    const brokenTray: Answers = { ...answers, spend: { ...answers.spend, trayText: '$1.00' } };
    expect(disagreements(brokenTray).join('\n')).toContain('month-to-date org spend');

    const brokenCount: Answers = { ...answers, alerts: { ...answers.alerts, tray: answers.alerts.tray + 1 } };
    expect(disagreements(brokenCount).join('\n')).toContain('open alerts straight after the sync');
  });
});
