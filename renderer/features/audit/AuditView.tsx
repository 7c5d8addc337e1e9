/**
 * The audit trail: search with the trail's query language plus source and date filters, a virtualised
 * grid of events newest first (paged through `nextCursor` as it scrolls), a detail pane with before → after or
 * the raw activity, exports of the current query, and the access review for a period (ExportReview). Main writes
 * export files; the window only asks.
 */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useAuditStore, type ExportFormat } from '../../stores/useAuditStore';
import { AuditDetail } from './AuditDetail';
import { AuditGrid } from './AuditGrid';
import { ExportReview } from './ExportReview';
import { buildAuditQuery, EMPTY_FILTERS, type AuditFilters, type SourceFilter } from './audit-format';
import { LoadState } from '../shell/LoadState';
import type { LoadStatus } from '../../stores/useOrgStore';
import './audit.css';

const FORMAT_LABEL: Record<ExportFormat, string> = { csv: 'CSV', jsonl: 'JSON Lines' };

export function AuditView() {
  const {
    filters,
    setFilters,
    query,
    status,
    events,
    nextCursor,
    loadingMore,
    error,
    moreError,
    selectedId,
    exportState,
    search,
    loadMore,
    select,
    exportAs,
  } = useAuditStore();
  const [activeIndex, setActiveIndex] = useState(0);
  const gridRef = useRef<HTMLDivElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const focusDetail = useRef(false);

  useEffect(() => {
    if (useAuditStore.getState().status === 'idle') void search('');
  }, [search]);
  useEffect(() => {
    if (activeIndex >= events.length && events.length > 0) setActiveIndex(events.length - 1);
  }, [activeIndex, events.length]);
  useEffect(() => {
    if (focusDetail.current && selectedId !== null) headingRef.current?.focus();
    focusDetail.current = false;
  }, [selectedId]);

  const selected = events.find((event) => event.id === selectedId) ?? null;
  const update = (patch: Partial<AuditFilters>): AuditFilters => {
    const next = { ...filters, ...patch };
    setFilters(next);
    return next;
  };
  const run = (next: AuditFilters): void => {
    setActiveIndex(0);
    gridRef.current?.scrollTo?.({ top: 0 });
    void search(buildAuditQuery(next));
  };
  const onSubmit = (event: FormEvent): void => {
    event.preventDefault();
    run(filters);
  };
  const open = (index: number): void => {
    const event = events[index];
    if (!event) return;
    focusDetail.current = true;
    select(event.id);
  };
  const closeDetail = (): void => {
    select(null);
    gridRef.current?.focus();
  };

  return (
    <div className="audit-layout">
      <section className="audit-panel" aria-labelledby="audit-title">
        <div className="view-title">
          <h2 id="audit-title">Audit trail</h2>
        </div>
        <form role="search" aria-label="Search the audit trail" className="audit-toolbar" onSubmit={onSubmit}>
          <label htmlFor="audit-search">Search</label>
          <input
            id="audit-search"
            type="search"
            placeholder="e.g. actor:ada type:api_key.created after:2026-01-01"
            aria-describedby="audit-search-help"
            value={filters.text}
            onChange={(event) => update({ text: event.target.value })}
          />
          <label htmlFor="audit-source">Source</label>
          <select
            id="audit-source"
            value={filters.source}
            onChange={(event) => run(update({ source: event.target.value as SourceFilter }))}
          >
            <option value="all">All sources</option>
            <option value="compliance">Activity feed</option>
            <option value="journal">Change journal</option>
            <option value="local">This app</option>
          </select>
          <label htmlFor="audit-after">From (UTC)</label>
          <input
            id="audit-after"
            type="date"
            value={filters.after}
            onChange={(event) => run(update({ after: event.target.value }))}
          />
          <label htmlFor="audit-before">Before (UTC)</label>
          <input
            id="audit-before"
            type="date"
            value={filters.before}
            onChange={(event) => run(update({ before: event.target.value }))}
          />
          <button type="submit" className="primary">
            Search
          </button>
          <button
            type="button"
            onClick={() => {
              setFilters(EMPTY_FILTERS);
              run(EMPTY_FILTERS);
            }}
          >
            Clear
          </button>
        </form>
        <p id="audit-search-help" className="muted audit-help">
          Words search the text. Narrow with <code>actor:</code> <code>type:</code> <code>workspace:</code>{' '}
          <code>key:</code> <code>source:</code> <code>after:YYYY-MM-DD</code> <code>before:YYYY-MM-DD</code> (UTC days;
          after is inclusive). This app’s own report reads show as one line a day; <code>self:show</code> lists each.
        </p>
        <div className="audit-actions" role="group" aria-label="Export the current search">
          {(['csv', 'jsonl'] as const).map((format) => (
            <button
              key={format}
              type="button"
              disabled={exportState.status === 'running' || status !== 'ready'}
              onClick={() => void exportAs(format)}
            >
              Export {FORMAT_LABEL[format]}
            </button>
          ))}
          <span role="status" className="audit-export-status">
            {exportState.status === 'running' && `Exporting ${FORMAT_LABEL[exportState.format]}…`}
            {exportState.status === 'done' &&
              `Exported ${exportState.result.count} ${exportState.result.count === 1 ? 'event' : 'events'} as ${FORMAT_LABEL[exportState.format]} to ${exportState.result.file}`}
          </span>
          {exportState.status === 'error' && (
            <span role="alert" className="audit-export-error">
              Export failed: {exportState.message}
            </span>
          )}
        </div>
        <ExportReview disabled={status !== 'ready'} />
        <Results status={status} error={error} query={query} count={events.length} onRetry={() => void search(query)}>
          <AuditGrid
            events={events}
            hasMore={nextCursor !== null}
            activeIndex={Math.min(activeIndex, Math.max(0, events.length - 1))}
            selectedId={selectedId}
            label={query ? `Audit events matching ${query}` : 'Audit events, newest first'}
            onActiveChange={setActiveIndex}
            onOpen={open}
            onNeedMore={() => void loadMore()}
            gridRef={gridRef}
          />
          <div className="audit-paging">
            <span className="muted" role="status">
              {events.length} {events.length === 1 ? 'event' : 'events'} shown{nextCursor ? ', more available' : ''}
              {loadingMore ? ' — loading more…' : ''}
            </span>
            {nextCursor && (
              <button type="button" disabled={loadingMore} onClick={() => void loadMore()}>
                Load more
              </button>
            )}
            {moreError && (
              <span role="alert" className="audit-export-error">
                {moreError}
              </span>
            )}
          </div>
        </Results>
      </section>
      <AuditDetail ref={headingRef} event={selected} onClose={closeDetail} />
    </div>
  );
}

function Results({
  status,
  error,
  query,
  count,
  onRetry,
  children,
}: {
  status: LoadStatus;
  error: string | null;
  query: string;
  count: number;
  onRetry: () => void;
  children: React.ReactNode;
}) {
  if (status !== 'ready') {
    return (
      <LoadState status={status} error={error} onRetry={onRetry} loadingText="Searching the audit trail…">
        {children}
      </LoadState>
    );
  }
  if (count === 0) {
    return (
      <p role="status" className="muted audit-empty">
        {query
          ? `No event matches “${query}”.`
          : 'The audit trail is empty. Events appear here after syncs find changes, and when you act in the app.'}
      </p>
    );
  }
  return <>{children}</>;
}
