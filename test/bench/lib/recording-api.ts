/**
 * The fetch-only baseline needs "the same requests through the SDK, results discarded". A sync records every call
 * it makes on the AdminApiPort (method and arguments); `replayCalls` makes the same calls on a fresh adapter and
 * drains every page without looking at it.
 */
import { isAdminApiError } from '../../../main/core/api-error';
import type { AdminApiPort } from '../../../main/core/ports';

export interface RecordedCall {
  method: 'organization' | 'list' | 'usageReport' | 'costReport' | 'claudeCodeReport';
  args: unknown[];
}

export function recordingApi(api: AdminApiPort, calls: RecordedCall[]): AdminApiPort {
  return {
    requestCount: () => api.requestCount(),
    organization: () => {
      calls.push({ method: 'organization', args: [] });
      return api.organization();
    },
    list: ((...args: Parameters<AdminApiPort['list']>) => {
      calls.push({ method: 'list', args });
      return api.list(...args);
    }) as AdminApiPort['list'],
    usageReport: (...args) => {
      calls.push({ method: 'usageReport', args });
      return api.usageReport(...args);
    },
    costReport: (...args) => {
      calls.push({ method: 'costReport', args });
      return api.costReport(...args);
    },
    claudeCodeReport: (...args) => {
      calls.push({ method: 'claudeCodeReport', args });
      return api.claudeCodeReport(...args);
    },
  };
}

/**
 * The sync pages one call at a time, but may stop early on a page it already holds; the baseline drains every page
 * of every call, so for a full sync (which reads every page) the requests are the same. A call the API refused
 * (an optional route "not available for this organization") was refused to the sync too: it counts and moves on.
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
      for await (const page of method.apply(api, call.args)) {
        if (page) pages += 1;
      }
    } catch (error) {
      if (!isAdminApiError(error)) throw error;
      refused += 1;
    }
  }
  return { pages, refused };
}
