// Pure logic of the electronegativity gate: read findings (from the tool's CSV report or from its
// runner's issue objects), match them against the reviewed allow-list, and decide pass/fail.
// The tool always exits 0 (stack.md §8), so this is what makes a HIGH or MEDIUM finding fail CI.
// (Its SARIF output carries no severity, only warning/note, so the gate reads CSV.)

export const BLOCKING_SEVERITIES = new Set(['HIGH', 'MEDIUM']);

/** RFC 4180 CSV: quoted fields may hold commas, doubled quotes and newlines. Returns rows of fields. */
export function parseCsvRows(text) {
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i];
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      row.push(field);
      field = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[i + 1] === '\n') i += 1;
      row.push(field);
      if (row.some((value) => value.trim() !== '')) rows.push(row);
      row = [];
      field = '';
    } else field += char;
  }
  row.push(field);
  if (row.some((value) => value.trim() !== '')) rows.push(row);
  return rows;
}

function parseLine(location) {
  const line = Number.parseInt(String(location ?? '').split(':')[0] ?? '', 10);
  return Number.isFinite(line) ? line : 0;
}

/**
 * Findings from electronegativity's CSV report
 * (header `issue, severity, confidence, filename, location, sample, description, url`).
 */
export function findingsFromCsv(text) {
  return parseCsvRows(text)
    .filter((row) => row[0]?.trim().toLowerCase() !== 'issue')
    .map(([check = '', severity = '', confidence = '', file = '', location = '', , description = '']) => ({
      check: check.trim(),
      severity: severity.trim().toUpperCase(),
      confidence: confidence.trim().toUpperCase(),
      file: file.trim(),
      line: parseLine(location),
      description: description.trim(),
    }));
}

/** Findings from the issue objects the runner API returns ({ id, severity: {name}, … }). */
export function findingsFromIssues(issues) {
  return issues.map((issue) => ({
    check: String(issue.id),
    severity: String(issue.severity?.name ?? '').toUpperCase(),
    confidence: String(issue.confidence?.name ?? '').toUpperCase(),
    file: String(issue.file ?? 'N/A'),
    line: Number(issue.location?.line ?? 0),
    description: String(issue.description ?? ''),
  }));
}

/**
 * Validates the allow-list: an array of { check, file?, reason } where reason says why the finding
 * was reviewed and accepted. Returns { entries, problems }.
 */
export function validateAllowList(value) {
  if (!Array.isArray(value)) return { entries: [], problems: ['the allow-list must be a JSON array'] };
  const problems = [];
  const entries = [];
  value.forEach((entry, index) => {
    if (typeof entry?.check !== 'string' || entry.check.trim() === '')
      problems.push(`entry ${index}: "check" is required`);
    else if (typeof entry.reason !== 'string' || entry.reason.trim().length < 10)
      problems.push(`entry ${index} (${entry.check}): a reviewed "reason" is required`);
    else if (entry.file !== undefined && typeof entry.file !== 'string')
      problems.push(`entry ${index} (${entry.check}): "file" must be a string`);
    else entries.push(entry);
  });
  return { entries, problems };
}

function fileMatches(pattern, file) {
  if (pattern === undefined) return true;
  const normalized = file.replace(/\\/g, '/');
  if (!pattern.includes('*')) return pattern === normalized;
  const regex = new RegExp(
    `^${pattern
      .split('*')
      .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
      .join('.*')}$`,
  );
  return regex.test(normalized);
}

/** The allow-list entry covering a finding, if any (same check, and same file when the entry names one). */
export function allowEntryFor(finding, entries) {
  return entries.find(
    (entry) => entry.check.toUpperCase() === finding.check.toUpperCase() && fileMatches(entry.file, finding.file),
  );
}

/**
 * The verdict: each finding with its allow entry, the blocking ones (HIGH/MEDIUM, not allowed),
 * and allow entries that matched nothing (stale, worth removing).
 */
export function evaluateFindings(findings, entries) {
  const judged = findings.map((finding) => ({ finding, allowedBy: allowEntryFor(finding, entries) }));
  const blocking = judged.filter(({ finding, allowedBy }) => BLOCKING_SEVERITIES.has(finding.severity) && !allowedBy);
  const unused = entries.filter((entry) => !judged.some(({ allowedBy }) => allowedBy === entry));
  return { judged, blocking, unused, ok: blocking.length === 0 };
}

/** One printable line per finding. */
export function formatFinding({ finding, allowedBy }) {
  const where = finding.file === 'N/A' ? '(global check)' : `${finding.file}:${finding.line}`;
  const verdict = allowedBy
    ? `allowed: ${allowedBy.reason}`
    : BLOCKING_SEVERITIES.has(finding.severity)
      ? 'BLOCKING'
      : 'info';
  return `${finding.severity.padEnd(13)} ${finding.confidence.padEnd(9)} ${finding.check.padEnd(42)} ${where}  [${verdict}]`;
}
