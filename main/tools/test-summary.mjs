// Prints the one line CI ends with, counted from vitest's JSON report:
//   tests: N passed, N failed, N skipped
// and exits 1 when a test failed, when no test ran at all, or when the report is missing or unreadable
// (then it prints `tests: 0 passed, 1 failed, 0 skipped`, so a broken run never looks green).
//
//   node main/tools/test-summary.mjs [test-results/vitest.json]
import { readFileSync } from 'node:fs';
import { isMainModule } from './lib/project.mjs';

const count = (value) => (Number.isInteger(value) && value >= 0 ? value : 0);

/** { line, ok } for a report's text (undefined when the file could not be read). */
export function summarizeVitestReport(text) {
  let report;
  try {
    report = JSON.parse(text ?? '');
  } catch {
    return { line: 'tests: 0 passed, 1 failed, 0 skipped', ok: false };
  }
  const passed = count(report?.numPassedTests);
  // A test file that fails to load (syntax error, failing import) has no failed test in it, only a
  // failed file: count each such file as one failure so the line does not read "0 failed".
  const brokenFiles = (Array.isArray(report?.testResults) ? report.testResults : []).filter(
    (file) => file?.status === 'failed' && !(file.assertionResults ?? []).some((test) => test?.status === 'failed'),
  ).length;
  const failed = count(report?.numFailedTests) + brokenFiles;
  const skipped = count(report?.numPendingTests) + count(report?.numTodoTests);
  const ran = passed + failed > 0;
  const ok = failed === 0 && ran && report?.success !== false;
  return { line: `tests: ${passed} passed, ${failed} failed, ${skipped} skipped`, ok };
}

if (isMainModule(import.meta.url)) {
  let text;
  try {
    text = readFileSync(process.argv[2] ?? 'test-results/vitest.json', 'utf8');
  } catch {
    text = undefined;
  }
  const { line, ok } = summarizeVitestReport(text);
  console.log(line);
  process.exit(ok ? 0 : 1);
}
