/**
 * One CSV cell rule for both CSV writers: the audit export (main) and the spend CSV (renderer). The same table goes
 * through the shared rule and through each writer, so the writers are proven to write the same cell for the same
 * text — a formula defused, a plain number left a number — and cannot drift apart again.
 */
import { describe, expect, it } from 'vitest';
import type { AuditEvent } from '../../../../main/core/audit/event';
import { csvRow } from '../../../../main/core/audit/export-format';
import { spreadsheetCell } from '../../../../main/core/text/spreadsheet-cell';
import { usageToCsv } from '../../../../renderer/features/spend/spend-csv';
import { usageAnswer } from '../../../renderer/features/spend/spend-fixture';

/** [text as an org member wrote it, the cell both CSV files must hold] */
const TABLE: Array<[string, string]> = [
  ['=HYPERLINK("http://evil.example","Q3")', `"'=HYPERLINK(""http://evil.example"",""Q3"")"`],
  ['-2+3+cmd@evil.example', "'-2+3+cmd@evil.example"],
  ['+1 555 0100', "'+1 555 0100"],
  ['@SUM(A1:A9)', "'@SUM(A1:A9)"],
  ['\t=1+1', "'\t=1+1"],
  ['\r=1+1', `"'\r=1+1"`],
  ['-', "'-"],
  ['-12.5', '-12.5'],
  ['+3', '+3'],
  ['-1e5', '-1e5'],
  ['.5', '.5'],
  ['Research, EU', '"Research, EU"'],
  ['say "hi"', '"say ""hi"""'],
  [' padded', '" padded"'],
  ['prod-backend', 'prod-backend'],
];

function auditEvent(summary: string): AuditEvent {
  return {
    id: 7,
    atMs: Date.UTC(2026, 10, 20),
    recordedAtMs: Date.UTC(2026, 10, 20),
    source: 'journal',
    type: 'api_key.created',
    externalId: 'j7',
    actor: null,
    workspaceId: null,
    keyId: null,
    targets: [],
    summary,
    before: null,
    after: null,
    raw: null,
    prevHash: '0'.repeat(64),
    hash: '1'.repeat(64),
  };
}

/** The audit CSV's summary cell: its neighbours are `[]` (targets) and an empty `before`. */
function auditSummaryCell(text: string): string | undefined {
  const row = csvRow(auditEvent(text));
  const start = row.indexOf(',[],') + 4;
  const end = row.lastIndexOf(`,,,,${'0'.repeat(64)}`);
  return start >= 4 && end > start ? row.slice(start, end) : undefined;
}

/** The spend CSV's label cell of the first group's first day (`2026-11-19,<label>,wrkspc_01PROD,…`). */
function spendLabelCell(text: string): string | undefined {
  const series = usageAnswer({
    range: { kind: 'preset', preset: '7d' },
    bucket: 'day',
    groupBy: 'key',
    metric: 'cost',
  });
  series.groups[0]!.label = text;
  const row = usageToCsv(series).split('\r\n')[1]!;
  const start = '2026-11-19,'.length;
  return row.slice(start, row.lastIndexOf(',wrkspc_01PROD,'));
}

describe('the CSV cell rule shared by the audit export and the spend CSV', () => {
  it.each(TABLE)('%j is written as %j by the rule and by both writers', (text, cell) => {
    expect(spreadsheetCell(text)).toBe(cell);
    expect(auditSummaryCell(text)).toBe(cell);
    expect(spendLabelCell(text)).toBe(cell);
  });

  it('raw writes the text exactly (quoted where CSV needs it), for programs', () => {
    expect(spreadsheetCell('-2+3+cmd@evil.example', { raw: true })).toBe('-2+3+cmd@evil.example');
    expect(spreadsheetCell('=A1,B1', { raw: true })).toBe('"=A1,B1"');
  });
});
