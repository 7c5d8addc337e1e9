// The last line of .ci/run, from vitest's JSON report (the Jest-compatible shape vitest writes).
import { describe, expect, it } from 'vitest';
import { summarizeVitestReport } from '../../main/tools/test-summary.mjs';

const report = (fields: Record<string, unknown>) =>
  JSON.stringify({ numTotalTests: 0, success: true, testResults: [], ...fields });

describe('summarizeVitestReport', () => {
  it('counts passed, failed, and pending + todo as skipped', () => {
    const text = report({ numPassedTests: 250, numFailedTests: 0, numPendingTests: 3, numTodoTests: 2, success: true });
    expect(summarizeVitestReport(text)).toEqual({ line: 'tests: 250 passed, 0 failed, 5 skipped', ok: true });
  });

  it('fails when a test failed', () => {
    const text = report({ numPassedTests: 9, numFailedTests: 1, success: false });
    expect(summarizeVitestReport(text)).toEqual({ line: 'tests: 9 passed, 1 failed, 0 skipped', ok: false });
  });

  it('counts a test file that failed to load as one failure', () => {
    const text = report({
      numPassedTests: 4,
      numFailedTests: 0,
      success: false,
      testResults: [
        { name: 'a.test.ts', status: 'passed', assertionResults: [{ status: 'passed' }] },
        { name: 'broken.test.ts', status: 'failed', message: 'SyntaxError', assertionResults: [] },
      ],
    });
    expect(summarizeVitestReport(text)).toEqual({ line: 'tests: 4 passed, 1 failed, 0 skipped', ok: false });
  });

  it('fails a run in which no test ran, so an empty run is visible', () => {
    expect(summarizeVitestReport(report({ numPassedTests: 0, numFailedTests: 0, numPendingTests: 2 }))).toEqual({
      line: 'tests: 0 passed, 0 failed, 2 skipped',
      ok: false,
    });
  });

  it('reports a missing or unreadable report as one failure', () => {
    expect(summarizeVitestReport(undefined)).toEqual({ line: 'tests: 0 passed, 1 failed, 0 skipped', ok: false });
    expect(summarizeVitestReport('{not json')).toEqual({ line: 'tests: 0 passed, 1 failed, 0 skipped', ok: false });
  });
});
