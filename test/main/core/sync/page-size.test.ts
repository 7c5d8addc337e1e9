import { describe, expect, it } from 'vitest';
import {
  initialPageLimit,
  MAX_BUCKETS_PER_PAGE,
  nextPageLimit,
  PAGE_ROW_CEILING,
  PROBE_BUCKETS_PER_PAGE,
  smallerPageLimit,
} from '../../../../main/core/sync/page-size';

describe('report page size', () => {
  it('starts from the size learnt for the report, else a probe, within the API maximum', () => {
    expect(initialPageLimit('usage_hourly', null)).toBe(PROBE_BUCKETS_PER_PAGE.usage_hourly);
    expect(initialPageLimit('cost_daily', 12)).toBe(12);
    expect(initialPageLimit('cost_daily', 400)).toBe(MAX_BUCKETS_PER_PAGE.cost_daily);
    expect(initialPageLimit('usage_daily', 0)).toBe(1);
  });

  it('grows at most twice at a time towards the maximum while pages are sparse', () => {
    expect(nextPageLimit('usage_hourly', 24, 10, 24)).toBe(48);
    expect(nextPageLimit('usage_hourly', 96, 0, 96)).toBe(168);
    expect(nextPageLimit('cost_daily', 31, 31, 31)).toBe(31);
  });

  it('sizes a dense report to the row ceiling, shrinking when the rows per bucket grow', () => {
    // the large org: ~1,000 hourly rows an hour, ~4,000 cost rows a day
    expect(nextPageLimit('usage_hourly', 6, 6 * 1000, 6)).toBe(PAGE_ROW_CEILING / 1000);
    expect(nextPageLimit('cost_daily', 2, 2 * 4000, 2)).toBe(Math.floor(PAGE_ROW_CEILING / 4000));
    expect(nextPageLimit('cost_daily', 2, 2 * 1000, 2)).toBe(Math.min(4, Math.floor(PAGE_ROW_CEILING / 1000)));
    expect(nextPageLimit('cost_daily', 2, 2 * 20_000, 2)).toBe(1);
    expect(nextPageLimit('cost_daily', 5, 0, 0)).toBe(5); // an empty page says nothing
  });

  it('halves after report_page_too_large, never below one bucket', () => {
    expect([168, 84, 42, 21, 10, 5, 2, 1].map(smallerPageLimit)).toEqual([84, 42, 21, 10, 5, 2, 1, 1]);
  });
});
