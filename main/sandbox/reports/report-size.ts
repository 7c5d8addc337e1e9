// The report size limits of SDK 1.15 (admin-api.md §8), as the sandbox emulates them. Both are off by default:
// - a per-page result cap: a page whose buckets hold more results than `maxPageResults` is refused with
//   400 `report_page_too_large` ("send a lower limit and page through the rest");
// - days with "too many groups": a page holding one of them is refused with 400 `too_many_report_groups`, whose
//   message names the endpoint to use instead. The client must finish the rest of the window around such a day.
// Set at start (`sandbox serve --max-page-results N`) or through the control API (POST /_control/report-limits).
import { badRequest } from '../errors';

export interface ReportSizeRules {
  maxPageResults: number | null;
  /** UTC days (YYYY-MM-DD) whose report answers too_many_report_groups. */
  tooManyGroupsDays: Set<string>;
}

export function defaultReportSizeRules(): ReportSizeRules {
  return { maxPageResults: null, tooManyGroupsDays: new Set() };
}

/** Throws the API's error when the page about to be served breaks a rule; the day check comes first. */
export function checkReportPage(
  rules: ReportSizeRules,
  endpoint: string,
  buckets: ReadonlyArray<{ starting_at: string; results: readonly unknown[] }>,
): void {
  for (const bucket of buckets) {
    const day = bucket.starting_at.slice(0, 10);
    if (rules.tooManyGroupsDays.has(day)) {
      throw badRequest(
        `A day in the report (${day}) has usage in more groups than the report can return. ` +
          `Use ${endpoint} with fewer group_by dimensions, or a narrower filter, for that day.`,
        'too_many_report_groups',
      );
    }
  }
  if (rules.maxPageResults === null) return;
  const results = buckets.reduce((sum, b) => sum + b.results.length, 0);
  if (results > rules.maxPageResults) {
    throw badRequest(
      'The requested page of the report has more usage than one page can hold. Send a lower `limit` and page through the rest.',
      'report_page_too_large',
    );
  }
}
