/**
 * The fetch-only baseline needs "the same requests through the SDK, results discarded". A sync records every call
 * it makes on the AdminApiPort (method, arguments, and how many pages it took from it); `replayCalls` makes the same
 * calls on a fresh adapter and takes as many pages from each, without looking at them. (The sync starts a new
 * report call when it changes the page size, and takes only the pages it needs from the one before.)
 */
import { isAdminApiError } from '../../../main/core/api-error';
import type { AdminApiPort } from '../../../main/core/ports';

export interface RecordedCall {
  method: 'organization' | 'list' | 'usageReport' | 'costReport' | 'claudeCodeReport';
  args: unknown[];
  /** Pages the sync took from this call (absent for `organization`). */
  pages?: number;
}

/** Counts the pages taken from `pages` into `call.pages`. */
async function* counted<T>(pages: AsyncIterable<T>, call: RecordedCall): AsyncGenerator<T> {
  call.pages = 0;
  for await (const page of pages) {
    call.pages += 1;
    yield page;
  }
}

export function recordingApi(api: AdminApiPort, calls: RecordedCall[]): AdminApiPort {
  const record = <T>(method: RecordedCall['method'], args: unknown[], pages: AsyncIterable<T>): AsyncIterable<T> => {
    const call: RecordedCall = { method, args };
    calls.push(call);
    return counted(pages, call);
  };
  return {
    requestCount: () => api.requestCount(),
    organization: () => {
      calls.push({ method: 'organization', args: [] });
      return api.organization();
    },
    list: ((...args: Parameters<AdminApiPort['list']>) =>
      record('list', args, api.list(...args))) as AdminApiPort['list'],
    usageReport: (...args) => record('usageReport', args, api.usageReport(...args)),
    costReport: (...args) => record('costReport', args, api.costReport(...args)),
    claudeCodeReport: (...args) => record('claudeCodeReport', args, api.claudeCodeReport(...args)),
  };
}

/**
 * Replays each call, taking the pages the sync took (every page when the record does not say). A call the API
 * refused (an optional route "not available for this organization") was refused to the sync too: it counts and
 * moves on.
 */
export async function replayCalls(
  api: AdminApiPort,
  calls: readonly RecordedCall[],
): Promise<{ pages: number; refused: number }> {
  let pages = 0;
  let refused = 0;
  for (const call of calls) {
    try {
      if (call.method === 'organization') {
        await api.organization();
        continue;
      }
      const method = api[call.method] as (...args: unknown[]) => AsyncIterable<unknown>;
      let taken = 0;
      for await (const page of method.apply(api, call.args)) {
        if (page) pages += 1;
        taken += 1;
        if (call.pages !== undefined && taken >= call.pages) break;
      }
    } catch (error) {
      if (!isAdminApiError(error)) throw error;
      refused += 1;
    }
  }
  return { pages, refused };
}
