/**
 * `W` in `access W`, `workspace show W` and `keys --workspace W`: a workspace id, a unique id prefix, a name
 * (any case), `default` for the default workspace, or a unique part of a name. Anything else is bad input (exit 2)
 * with the candidates named, so a typo or an ambiguous "Production" never answers for the wrong workspace.
 */
import { CliError, USAGE_EXIT } from './errors';
import { escapeControls } from '../core/text/escape-controls';

export interface NamedWorkspace {
  id: string | null;
  name: string;
  isDefault: boolean;
}

export function resolveWorkspace<W extends NamedWorkspace>(given: string, workspaces: readonly W[]): W {
  const wanted = given.trim().toLowerCase();
  const byId = workspaces.filter((w) => w.id !== null && w.id.toLowerCase() === wanted);
  if (byId.length === 1) return byId[0]!;
  const byName = workspaces.filter((w) => w.name.toLowerCase() === wanted);
  if (byName.length === 1) return byName[0]!;
  if (byName.length > 1) throw ambiguous(given, byName);
  if (wanted === 'default') {
    const fallback = workspaces.find((w) => w.isDefault);
    if (fallback) return fallback;
  }
  const partial = workspaces.filter(
    (w) => (wanted.length >= 8 && w.id?.toLowerCase().startsWith(wanted)) || w.name.toLowerCase().includes(wanted),
  );
  if (partial.length === 1) return partial[0]!;
  if (partial.length > 1) throw ambiguous(given, partial);
  return refuse(`no workspace "${given}"; the workspaces are: ${list(workspaces)}`);
}

function ambiguous(given: string, candidates: readonly NamedWorkspace[]): CliError {
  return new CliError(
    `"${given}" matches ${candidates.length} workspaces: ${list(candidates)}; name one by its full name or id`,
    USAGE_EXIT,
  );
}

function refuse(message: string): never {
  throw new CliError(message, USAGE_EXIT);
}

function list(workspaces: readonly NamedWorkspace[]): string {
  if (workspaces.length === 0) return '(none: nothing synced yet?)';
  return [...workspaces]
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((w) => `${escapeControls(w.name)} (${w.id ?? 'default, no id'})`)
    .join(', ');
}
