/**
 * The `workspace` label of the metrics: the workspace's name, because that is what a dashboard reader knows (ids
 * are opaque), made safe and unique. Names come from org members, so each goes through THE output sanitiser
 * (escapeControls: control, bidi and line-separator characters shown as `\uXXXX`, never interpreted), then runs of
 * white space become one space and the result is cut to 80 characters. A name that comes out empty is replaced by
 * the workspace's id; two workspaces whose labels would be equal (Prometheus would merge or reject their series)
 * each get their id appended, so no series ever stands for two workspaces.
 */
import { escapeControls } from '../text/escape-controls';

export const MAX_LABEL_CHARS = 80;

/** A workspace as the labels know it: its key (workspaceKey: the id, or 'default' for an id-less default). */
export interface LabelledWorkspace {
  key: string;
  name: string;
}

export function sanitiseLabelValue(text: string): string {
  const safe = escapeControls(text).replace(/\s+/gu, ' ').trim();
  const chars = [...safe];
  return chars.length > MAX_LABEL_CHARS ? `${chars.slice(0, MAX_LABEL_CHARS - 1).join('')}…` : safe;
}

/** Key → label for every workspace given; see the file comment for the rules. */
export function workspaceLabels(workspaces: readonly LabelledWorkspace[]): Map<string, string> {
  const first = new Map(workspaces.map((w) => [w.key, sanitiseLabelValue(w.name) || w.key]));
  const uses = new Map<string, number>();
  for (const label of first.values()) uses.set(label, (uses.get(label) ?? 0) + 1);
  return new Map(
    [...first].map(([key, label]) => [key, (uses.get(label) ?? 0) > 1 ? `${label} (${key})` : label] as const),
  );
}
