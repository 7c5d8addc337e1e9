/** `clade:org/*`: the organization as the local mirror holds it. Reads only; never the network. */
import type { OrgTree } from '../../../preload/contract';
import type { Handler } from '../handler-types';

export interface OrgDeps {
  /** Reads the mirror (main/db repos); null when nothing was ever synced. */
  readOrgTree: () => OrgTree | null;
}

export function orgHandlers(deps: OrgDeps): { 'clade:org/tree': Handler<'clade:org/tree'> } {
  return {
    'clade:org/tree': async () => deps.readOrgTree(),
  };
}
