export interface Finding {
  check: string;
  severity: string;
  confidence: string;
  file: string;
  line: number;
  description: string;
}
export interface AllowEntry {
  check: string;
  file?: string;
  reason: string;
}
export interface JudgedFinding {
  finding: Finding;
  allowedBy: AllowEntry | undefined;
}
export const BLOCKING_SEVERITIES: Set<string>;
export function parseCsvRows(text: string): string[][];
export function findingsFromCsv(text: string): Finding[];
export function findingsFromIssues(issues: unknown[]): Finding[];
export function validateAllowList(value: unknown): { entries: AllowEntry[]; problems: string[] };
export function allowEntryFor(finding: Finding, entries: AllowEntry[]): AllowEntry | undefined;
export function evaluateFindings(
  findings: Finding[],
  entries: AllowEntry[],
): { judged: JudgedFinding[]; blocking: JudgedFinding[]; unused: AllowEntry[]; ok: boolean };
export function formatFinding(judged: JudgedFinding): string;
