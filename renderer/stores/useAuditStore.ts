/**
 * The audit trail view's state, fed only through `window.api.audit`: the current query, the pages
 * loaded so far (newest first, keyset-paged through `nextCursor`), the selected event and the last export.
 * A newer search makes any older answer still in flight irrelevant, so each answer checks it is still current.
 */
import { create } from 'zustand';
import type { AuditEventView, AuditExportResult } from '../../preload/contract';
import { api, errorMessage, unwrap } from '../lib/api';
import type { LoadStatus } from './useOrgStore';
import { EMPTY_FILTERS, type AuditFilters } from '../features/audit/audit-format';

export const AUDIT_PAGE_SIZE = 100;

export type ExportFormat = 'csv' | 'jsonl';
export type ExportState =
  | { status: 'idle' }
  | { status: 'running'; format: ExportFormat }
  | { status: 'done'; format: ExportFormat; result: AuditExportResult }
  | { status: 'error'; format: ExportFormat; message: string };

interface AuditState {
  /** The search box and filter controls, kept here so leaving the view and coming back shows the same search. */
  filters: AuditFilters;
  /** The query the shown events answer (filters already folded in). */
  query: string;
  status: LoadStatus;
  events: AuditEventView[];
  nextCursor: string | null;
  loadingMore: boolean;
  error: string | null;
  /** A failure while loading a further page: the rows already shown stay. */
  moreError: string | null;
  selectedId: number | null;
  exportState: ExportState;
  search: (query: string) => Promise<void>;
  loadMore: () => Promise<void>;
  select: (id: number | null) => void;
  setFilters: (filters: AuditFilters) => void;
  exportAs: (format: ExportFormat) => Promise<void>;
  /** Re-runs the current query after a sync (the trail grew); does nothing before the view first searched. */
  refresh: () => Promise<void>;
}

let generation = 0;

export const useAuditStore = create<AuditState>((set, get) => ({
  filters: EMPTY_FILTERS,
  query: '',
  status: 'idle',
  events: [],
  nextCursor: null,
  loadingMore: false,
  error: null,
  moreError: null,
  selectedId: null,
  exportState: { status: 'idle' },
  search: async (query) => {
    const mine = ++generation;
    set({ query, status: 'loading', error: null, moreError: null, loadingMore: false });
    try {
      const page = await unwrap(api().audit.search({ query, limit: AUDIT_PAGE_SIZE }));
      if (mine !== generation) return;
      const keep = page.events.some((event) => event.id === get().selectedId);
      set({
        events: page.events,
        nextCursor: page.nextCursor,
        status: 'ready',
        selectedId: keep ? get().selectedId : null,
      });
    } catch (error) {
      if (mine !== generation) return;
      set({ status: 'error', error: errorMessage(error), events: [], nextCursor: null, selectedId: null });
    }
  },
  loadMore: async () => {
    const { nextCursor, loadingMore, query, status } = get();
    if (!nextCursor || loadingMore || status !== 'ready') return;
    const mine = generation;
    set({ loadingMore: true, moreError: null });
    try {
      const page = await unwrap(api().audit.search({ query, cursor: nextCursor, limit: AUDIT_PAGE_SIZE }));
      if (mine !== generation) return;
      set({ events: [...get().events, ...page.events], nextCursor: page.nextCursor, loadingMore: false });
    } catch (error) {
      if (mine !== generation) return;
      set({ loadingMore: false, moreError: errorMessage(error) });
    }
  },
  select: (id) => set({ selectedId: id }),
  setFilters: (filters) => set({ filters }),
  refresh: async () => {
    if (get().status !== 'idle') await get().search(get().query);
  },
  exportAs: async (format) => {
    if (get().exportState.status === 'running') return;
    set({ exportState: { status: 'running', format } });
    try {
      const result = await unwrap(api().audit.export({ query: get().query, format }));
      set({ exportState: { status: 'done', format, result } });
    } catch (error) {
      set({ exportState: { status: 'error', format, message: errorMessage(error) } });
    }
  },
}));
