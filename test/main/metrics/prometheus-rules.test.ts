/**
 * assets/prometheus/clade-admin-rules.yml: promtool accepts it, and its unit tests (test/fixtures/prometheus) pass:
 * the budget and limit alerts follow the exported thresholds. A wrong expectation fails, so the check can fail.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../helpers/built-cli';
import { promtool } from './prom-helpers';

const RULES = join(ROOT, 'assets', 'prometheus', 'clade-admin-rules.yml');
const RULE_TESTS = join(ROOT, 'test', 'fixtures', 'prometheus', 'clade-admin-rules.test.yml');

describe('the Prometheus alerting rules', () => {
  it('pass promtool check rules', async () => {
    const checked = await promtool(['check', 'rules', RULES]);
    expect(checked.output).toContain('SUCCESS: 9 rules found');
    expect(checked.code).toBe(0);
  });

  it('fire as their promtool unit tests expect, and a wrong expectation fails', async () => {
    const passed = await promtool(['test', 'rules', RULE_TESTS]);
    expect(passed.output).toContain('SUCCESS');
    expect(passed.code).toBe(0);

    const dir = mkdtempSync(join(tmpdir(), 'clade-rules-'));
    try {
      const wrong = join(dir, 'wrong.test.yml');
      writeFileSync(
        wrong,
        readFileSync(RULE_TESTS, 'utf8')
          .replace('../../../assets/prometheus/clade-admin-rules.yml', RULES)
          .replace(
            '{ severity: critical, instance: a, job: clade, workspace: Research }',
            '{ severity: critical, instance: a, job: clade, workspace: Staging }',
          ),
      );
      const failed = await promtool(['test', 'rules', wrong]);
      expect(failed.code).not.toBe(0);
      expect(failed.output).toContain('CladeAdminSpendPastLastThreshold');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
