/**
 * How a sync's progress shows on stderr. On a terminal: a live block (log-update) with a line per finished resource
 * and the one in progress (pages, rows, time left), replaced in place. Without one (cron, a pipe, CI): one plain line
 * per finished resource, so a long sync is visibly alive in a log and nothing is rewritten. stdout is never touched,
 * so `--json` output stays a single document. The live block's cursor control is ours and goes to the stream under
 * the escaping layer; the text in it (resource names, API error details) is escaped here, line by line.
 */
import type { ResourceSummary, SyncProgress } from '../core/sync/summary';
import { redactSecrets } from '../core/redact';
import type { CliIO } from './io';
import { escapeControls } from '../core/text/escape-controls';
import { terminalStream } from './escaping-io';

export interface SyncDisplay {
  progress(p: SyncProgress): void;
  resourceDone(r: ResourceSummary): void;
  /** Leaves the finished lines on screen and the cursor below them. */
  close(): void;
}

type Stream = CliIO['stderr'];

export async function createSyncDisplay(stderr: Stream): Promise<SyncDisplay> {
  // A terminal of no size (a pty nobody sized) would clip the live block to nothing: print lines there too.
  const terminal = terminalStream(stderr) as Partial<NodeJS.WriteStream>;
  if (!terminal.isTTY || !((terminal.rows ?? 0) > 0 && (terminal.columns ?? 0) > 0)) return lineDisplay(stderr);
  const { createLogUpdate } = await import('log-update');
  const render = createLogUpdate(terminal as NodeJS.WriteStream, { showCursor: true });
  const done: string[] = [];
  let current: string | null = null;
  const draw = () => render([...done, ...(current ? [current] : [])].map(escapeControls).join('\n'));
  return {
    progress(p) {
      current = `  … ${progressText(p)}`;
      draw();
    },
    resourceDone(r) {
      done.push(`  ${MARK[r.status]} ${resourceText(r)}`);
      current = null;
      draw();
    },
    close() {
      render.done();
    },
  };
}

function lineDisplay(stderr: Stream): SyncDisplay {
  return {
    progress: () => undefined,
    resourceDone: (r) => stderr.write(`sync: ${resourceText(r)}\n`),
    close: () => undefined,
  };
}

const MARK: Record<ResourceSummary['status'], string> = { ok: '✓', unavailable: '–', skipped: '·', error: '✗' };

/** "usage_hourly: page 4, 2,345 rows, ~12 s left" */
export function progressText(p: SyncProgress): string {
  const eta = p.etaMs !== undefined ? `, ~${formatSeconds(p.etaMs)} left` : '';
  return `${p.resource}: page ${p.page}, ${plural(p.rows, 'row')}${eta}`;
}

/** "users ok (2 pages, 120 rows)", "cost_daily failed: …", "spend_limits not available for this organization (404 …)" */
export function resourceText(r: ResourceSummary): string {
  const size = `${plural(r.pages, 'page')}, ${plural(r.rows, 'row')}`;
  switch (r.status) {
    case 'ok':
      return `${r.resource} ok (${size})`;
    case 'unavailable':
      return `${r.resource} ${redactSecrets(r.detail ?? 'not available for this organization')}`;
    case 'skipped':
      return `${r.resource} skipped${r.detail ? ` (${redactSecrets(r.detail)})` : ''}`;
    case 'error':
      return `${r.resource} FAILED after ${size}: ${redactSecrets(r.detail ?? 'unknown error')}`;
  }
}

function plural(n: number, word: string): string {
  return `${n.toLocaleString('en-US')} ${word}${n === 1 ? '' : 's'}`;
}

function formatSeconds(ms: number): string {
  const s = Math.ceil(ms / 1000);
  return s < 120 ? `${s} s` : `${Math.ceil(s / 60)} min`;
}
