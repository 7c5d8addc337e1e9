/**
 * How the compliance feed's ingest shows in the sync's summary, by the sync engine's rules: a refusal
 * of this optional route is "unavailable" and does not make the sync partial; a failure worth retrying does; a
 * confirmed 401 is the credential refused, like on a core route.
 */
import type { ResourceSummary, SyncProblem, SyncSummary } from '../sync/summary';

export const COMPLIANCE_RESOURCE = 'compliance_activities';

export interface ComplianceIngestLike {
  outcome: 'ingested' | 'refused' | 'skipped' | 'error' | 'credential_invalid';
  pages: number;
  appended: number;
  requests: number;
  detail: string | null;
  error: { kind: string; endpoint: string; status: number | null; requestId: string | null; message: string } | null;
}

const RESOURCE_STATUS: Record<ComplianceIngestLike['outcome'], ResourceSummary['status']> = {
  ingested: 'ok',
  refused: 'unavailable',
  skipped: 'skipped',
  error: 'error',
  credential_invalid: 'error',
};

export function withComplianceIngest(summary: SyncSummary, ingest: ComplianceIngestLike): SyncSummary {
  const resource: ResourceSummary = {
    resource: COMPLIANCE_RESOURCE,
    status: RESOURCE_STATUS[ingest.outcome],
    pages: ingest.pages,
    rows: ingest.appended,
    events: ingest.appended,
    detail: ingest.detail,
  };
  const problems: SyncProblem[] = [...summary.problems];
  const failed = ingest.outcome === 'error' || ingest.outcome === 'credential_invalid';
  if (failed && ingest.error) {
    const { kind, endpoint, status, requestId, message } = ingest.error;
    problems.push({ resource: COMPLIANCE_RESOURCE, kind, endpoint, status, requestId, message });
  }
  let status = summary.status;
  let detail = summary.detail;
  if (ingest.outcome === 'credential_invalid') {
    status = 'credential_invalid';
    detail = `the admin key was refused (${ingest.error?.endpoint ?? COMPLIANCE_RESOURCE}): ${ingest.error?.message ?? ingest.detail ?? ''}`;
  } else if (ingest.outcome === 'error' && status === 'ok') {
    status = 'partial';
  }
  return {
    ...summary,
    status,
    detail,
    requests: summary.requests + ingest.requests,
    rows: summary.rows + ingest.appended,
    events: summary.events + ingest.appended,
    resources: [...summary.resources, resource],
    problems,
  };
}
