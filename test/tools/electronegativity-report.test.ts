// The electronegativity gate: the tool exits 0 even on HIGH findings (stack.md §8), so CI reads its
// CSV report (header `issue, severity, confidence, filename, location, sample, description, url`)
// and fails on HIGH/MEDIUM findings that no reviewed allow-list entry covers.
import { describe, expect, it } from 'vitest';
import {
  evaluateFindings,
  findingsFromCsv,
  findingsFromIssues,
  formatFinding,
  parseCsvRows,
  validateAllowList,
} from '../../main/tools/lib/electronegativity-report.mjs';

// Written by hand in the tool's CSV layout: unquoted id, quoted fields, N/A for a global check's file,
// a sample with a comma, doubled quotes and a newline.
const CSV = `issue, severity, confidence, filename, location, sample, description, url
CONTEXT_ISOLATION_JS_CHECK,"HIGH","FIRM","main/app/window.ts","32:17","new BrowserWindow({
  webPreferences: { contextIsolation: false, title: ""x"" }
})","Review the use of the contextIsolation option",https://github.com/doyensec/electronegativity/wiki/CONTEXT_ISOLATION_JS_CHECK
AUXCLICK_JS_CHECK,"MEDIUM","FIRM","main/app/window.ts","32:17","new BrowserWindow({})","Limit the use of auxclick",https://github.com/doyensec/electronegativity/wiki/AUXCLICK_JS_CHECK
LIMIT_NAVIGATION_GLOBAL_CHECK,"HIGH","CERTAIN",N/A,"0:0",N/A,"Missing navigation limits",https://github.com/doyensec/electronegativity/wiki/LIMIT_NAVIGATION_GLOBAL_CHECK
CSP_GLOBAL_CHECK,"LOW","FIRM","renderer/index.html","5:4","<meta http-equiv=""Content-Security-Policy"">","One or more CSP directives detected",https://github.com/doyensec/electronegativity/wiki/CSP_GLOBAL_CHECK
`;

describe('findingsFromCsv', () => {
  it('reads each finding, including multi-line quoted samples', () => {
    const findings = findingsFromCsv(CSV);
    expect(findings).toHaveLength(4);
    expect(findings[0]).toEqual({
      check: 'CONTEXT_ISOLATION_JS_CHECK',
      severity: 'HIGH',
      confidence: 'FIRM',
      file: 'main/app/window.ts',
      line: 32,
      description: 'Review the use of the contextIsolation option',
    });
    expect(findings[2]).toMatchObject({ check: 'LIMIT_NAVIGATION_GLOBAL_CHECK', file: 'N/A', line: 0 });
  });

  it('keeps doubled quotes and commas inside a field', () => {
    const rows = parseCsvRows('a,"b, ""c""",d\n');
    expect(rows).toEqual([['a', 'b, "c"', 'd']]);
  });

  it('reads a report with only the header as no findings', () => {
    expect(findingsFromCsv('issue, severity, confidence, filename, location, sample, description, url\n')).toEqual([]);
  });
});

describe('findingsFromIssues', () => {
  it('maps the runner API issue objects to the same findings', () => {
    const [finding] = findingsFromIssues([
      {
        id: 'SANDBOX_JS_CHECK',
        severity: { name: 'MEDIUM' },
        confidence: { name: 'FIRM' },
        file: 'main/app/window.ts',
        location: { line: 3, column: 1 },
        description: 'sandbox',
      },
    ]);
    expect(finding).toEqual({
      check: 'SANDBOX_JS_CHECK',
      severity: 'MEDIUM',
      confidence: 'FIRM',
      file: 'main/app/window.ts',
      line: 3,
      description: 'sandbox',
    });
  });
});

describe('evaluateFindings', () => {
  const findings = findingsFromCsv(CSV);

  it('blocks every HIGH or MEDIUM finding when nothing is allowed, never a LOW one', () => {
    const verdict = evaluateFindings(findings, []);
    expect(verdict.ok).toBe(false);
    expect(verdict.blocking.map(({ finding }) => finding.check)).toEqual([
      'CONTEXT_ISOLATION_JS_CHECK',
      'AUXCLICK_JS_CHECK',
      'LIMIT_NAVIGATION_GLOBAL_CHECK',
    ]);
  });

  it('passes when reviewed entries cover the blocking findings, by check and file', () => {
    const entries = [
      {
        check: 'CONTEXT_ISOLATION_JS_CHECK',
        file: 'main/app/window.ts',
        reason: 'set through secureWebPreferences(); asserted by a unit test',
      },
      { check: 'auxclick_js_check', file: 'main/app/*.ts', reason: 'new windows are denied by setWindowOpenHandler' },
      { check: 'LIMIT_NAVIGATION_GLOBAL_CHECK', reason: 'will-navigate is prevented in main/app/security.ts' },
    ];
    const verdict = evaluateFindings(findings, entries);
    expect(verdict.ok).toBe(true);
    expect(verdict.unused).toEqual([]);
  });

  it('does not let an entry for one file cover the same check in another file', () => {
    const entries = [
      { check: 'CONTEXT_ISOLATION_JS_CHECK', file: 'main/app/other.ts', reason: 'reviewed for the other window only' },
    ];
    const verdict = evaluateFindings(findings, entries);
    expect(verdict.blocking.map(({ finding }) => finding.check)).toContain('CONTEXT_ISOLATION_JS_CHECK');
    expect(verdict.unused).toEqual(entries);
  });

  it('prints allowed, blocking and informational findings differently', () => {
    const entry = { check: 'AUXCLICK_JS_CHECK', reason: 'new windows are denied by setWindowOpenHandler' };
    const verdict = evaluateFindings(findings, [entry]);
    const lines = verdict.judged.map(formatFinding);
    expect(lines[0]).toMatch(/HIGH.*CONTEXT_ISOLATION_JS_CHECK.*main\/app\/window\.ts:32.*\[BLOCKING\]/);
    expect(lines[1]).toMatch(/\[allowed: new windows are denied/);
    expect(lines[2]).toMatch(/\(global check\)/);
    expect(lines[3]).toMatch(/LOW.*\[info\]/);
  });
});

describe('validateAllowList', () => {
  it('requires a check and a real reason for every entry', () => {
    const { entries, problems } = validateAllowList([
      { check: 'SANDBOX_JS_CHECK', reason: 'ok' },
      { reason: 'no check named here at all' },
      { check: 'AUXCLICK_JS_CHECK', reason: 'new windows are denied by setWindowOpenHandler' },
    ]);
    expect(entries.map((e) => e.check)).toEqual(['AUXCLICK_JS_CHECK']);
    expect(problems).toHaveLength(2);
  });
  it('rejects a file that is not an array', () => {
    expect(validateAllowList({}).problems).toEqual(['the allow-list must be a JSON array']);
  });
});
