// Security lint of the Electron sources with @doyensec/electronegativity, turned into a CI gate.
//
//   node main/tools/electronegativity-check.mjs                 scan main/ (minus tools), preload/, renderer/
//   node main/tools/electronegativity-check.mjs --csv r.csv     judge an existing CSV report of
//                                                               `npx electronegativity -i <dir> -r -v false -e 41.7.1 -o r.csv`
//
// Prints every finding; exits 1 on any HIGH or MEDIUM finding that no entry of
// .ci/electronegativity-allow.json ([{ check, file?, reason }]) covers. The tool itself always exits 0.
//
// Why the runner API and one staged folder: the package's CLI (dist/index.js) requires `commander`
// without declaring it, so it picks up our commander 14 and crashes (`version is not a function`);
// its runner (the package's "main") is what the CLI calls. Global checks (CSP, navigation limits,
// permission handler) only make sense over the whole app, so main, preload and renderer are copied
// into one folder and scanned together; paths in findings stay relative (main/app/window.ts).
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, sep } from 'node:path';
import {
  evaluateFindings,
  findingsFromCsv,
  findingsFromIssues,
  formatFinding,
  validateAllowList,
} from './lib/electronegativity-report.mjs';
import { isMainModule, projectRoot } from './lib/project.mjs';

export const SCANNED_FOLDERS = ['main', 'preload', 'renderer'];
const SKIPPED = [join('main', 'tools')];
const ALLOW_LIST = join('.ci', 'electronegativity-allow.json');
const REPORT = join('test-results', 'electronegativity.csv');
const SCAN_TIMEOUT_MS = 180_000;

function electronVersion(root) {
  try {
    return JSON.parse(readFileSync(join(root, 'node_modules', 'electron', 'package.json'), 'utf8')).version;
  } catch {
    return '41.7.1';
  }
}

function stageSources(root) {
  const stage = mkdtempSync(join(tmpdir(), 'electronegativity-'));
  for (const folder of SCANNED_FOLDERS) {
    cpSync(join(root, folder), join(stage, folder), {
      recursive: true,
      filter: (src) => !SKIPPED.some((skip) => src === join(root, skip) || src.startsWith(join(root, skip) + sep)),
    });
  }
  return stage;
}

const csvField = (value) => `"${String(value ?? '').replace(/"/g, '""')}"`;

/** Writes the findings in the tool's own CSV layout, for people and CI artifacts. */
function writeReport(root, issues) {
  const lines = ['issue, severity, confidence, filename, location, sample, description, url'];
  for (const issue of issues) {
    lines.push(
      [
        issue.id,
        csvField(issue.severity?.name),
        csvField(issue.confidence?.name),
        csvField(issue.file),
        csvField(`${issue.location?.line}:${issue.location?.column}`),
        csvField(issue.sample),
        csvField(issue.description),
        `https://github.com/doyensec/electronegativity/wiki/${issue.id}`,
      ].join(','),
    );
  }
  mkdirSync(join(root, 'test-results'), { recursive: true });
  writeFileSync(join(root, REPORT), `${lines.join('\n')}\n`);
}

async function scan(root) {
  const run = createRequire(join(root, 'package.json'))('@doyensec/electronegativity');
  const stage = stageSources(root);
  let timer;
  try {
    const options = {
      input: stage,
      isRelative: true,
      electronVersionOverride: electronVersion(root),
      customScan: [],
      excludeFromScan: [],
      parserPlugins: [],
      isVerbose: false,
    };
    const timeout = new Promise((_, reject) => {
      timer = setTimeout(
        () => reject(new Error(`the scan took longer than ${SCAN_TIMEOUT_MS / 1000} s`)),
        SCAN_TIMEOUT_MS,
      );
    });
    const result = await Promise.race([run(options, false), timeout]);
    for (const error of result.errors ?? [])
      console.log(`electronegativity: could not parse ${error.file}: ${error.message}`);
    writeReport(root, result.issues);
    return findingsFromIssues(result.issues);
  } finally {
    clearTimeout(timer);
    rmSync(stage, { recursive: true, force: true });
  }
}

function readAllowList(root) {
  try {
    return validateAllowList(JSON.parse(readFileSync(join(root, ALLOW_LIST), 'utf8')));
  } catch (error) {
    if (error?.code === 'ENOENT') return { entries: [], problems: [] };
    return { entries: [], problems: [`${ALLOW_LIST} is not valid JSON: ${error.message}`] };
  }
}

export async function check(argv, root = projectRoot) {
  const csvIndex = argv.indexOf('--csv');
  const findings = csvIndex >= 0 ? findingsFromCsv(readFileSync(argv[csvIndex + 1] ?? '', 'utf8')) : await scan(root);
  const { entries, problems } = readAllowList(root);
  const verdict = evaluateFindings(findings, entries);
  console.log(
    `electronegativity: ${findings.length} finding(s) over ${SCANNED_FOLDERS.join(', ')} (report: ${REPORT})`,
  );
  for (const judged of verdict.judged) console.log(`  ${formatFinding(judged)}`);
  for (const entry of verdict.unused)
    console.log(
      `electronegativity: allow-list entry ${entry.check}${entry.file ? ` (${entry.file})` : ''} matched nothing; remove it?`,
    );
  for (const problem of problems) console.log(`electronegativity: ${ALLOW_LIST}: ${problem}`);
  const ok = verdict.ok && problems.length === 0;
  console.log(
    ok
      ? 'electronegativity: OK (no HIGH or MEDIUM finding outside the reviewed allow-list)'
      : `electronegativity: FAILED: ${verdict.blocking.length} HIGH/MEDIUM finding(s) not covered by ${ALLOW_LIST}`,
  );
  return ok ? 0 : 1;
}

if (isMainModule(import.meta.url)) {
  check(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error) => {
      console.error(`electronegativity: ${error instanceof Error ? error.message : String(error)}`);
      process.exit(1);
    },
  );
}
