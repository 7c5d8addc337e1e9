/** `clade:people/list`: the org's members and invites from the mirror (the read model `users` and `invites` print). */
import type { People } from '../../../preload/contract';
import { readPeople } from '../../db/queries/people';
import type { Handler } from '../handler-types';
import type { MirrorDeps } from './mirror';

const NO_PEOPLE: People = { firstSyncAtMs: null, members: [], invites: [] };

export function peopleHandlers(deps: MirrorDeps): { 'clade:people/list': Handler<'clade:people/list'> } {
  return {
    'clade:people/list': async () => {
      const db = deps.mirror();
      return db ? readPeople(db, deps.now()) : NO_PEOPLE;
    },
  };
}
