/**
 * THE CSV cell rule, shared by both CSV writers: the audit export (main/core/audit/export-format.ts) and the
 * window's spend CSV (renderer/features/spend/spend-csv.ts, through the IPC contract's re-export). It lives here,
 * dependency-free, so the two cannot drift: a table test feeds the same cells through both writers.
 *
 * Formula defusing (OWASP, "CSV Injection"): a spreadsheet runs a cell that begins with `=`, `+`, `-` or `@` (and
 * some also after a leading tab or CR) as a formula, so an actor email like `-2+3+cmd@evil.example` or a key named
 * `=HYPERLINK(…)` would run in the admin's Excel. Such a cell gets a leading `'`, which spreadsheets show as text,
 * unless the whole cell is a plain number (`-12.5` stays a number). On by default; `raw` writes the text exactly,
 * for files read by programs rather than spreadsheets.
 */
const FORMULA_START = /^[=+\-@\t\r]/;
/** An optional sign, digits with an optional fraction, an optional exponent: what a spreadsheet reads as a number. */
const PLAIN_NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

export interface SpreadsheetCellOptions {
  /** Write the text exactly, formulas not defused (`clade-admin audit export --raw`). */
  raw?: boolean;
}

/** `'` before a text a spreadsheet would run as a formula; a plain number and any other text are left as they are. */
export function defuseFormula(text: string): string {
  return FORMULA_START.test(text) && !PLAIN_NUMBER.test(text) ? `'${text}` : text;
}

/**
 * One text cell of RFC 4180 CSV: defused (unless raw), then quoted when it holds a comma, quote, CR or LF, or
 * starts or ends with white space (which some readers would trim), inner quotes doubled.
 */
export function spreadsheetCell(text: string, options: SpreadsheetCellOptions = {}): string {
  const value = options.raw ? text : defuseFormula(text);
  return /[",\r\n]|^\s|\s$/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}
