// Users and invites of the generated org.
import { FIRST_NAMES, LAST_NAMES } from './names';
import { makeId } from './ids';
import { rngFor } from './prng';
import { DAY_MS } from './sizes';
import type { InviteRec, OrgRole, UserRec } from './types';

const DEMO_ROLES: OrgRole[] = [
  'admin',
  'developer',
  'developer',
  'developer',
  'developer',
  'user',
  'user',
  'user',
  'billing',
  'claude_code_user',
  'claude_code_user',
  'developer',
];

function roleFor(index: number, count: number, draw: number): OrgRole {
  if (count <= DEMO_ROLES.length) return DEMO_ROLES[index] ?? 'user';
  if (index === 0) return 'admin';
  if (index === 1) return 'primary_owner';
  if (index < 4) return 'admin';
  if (index < 6) return 'billing';
  return draw < 0.4 ? 'developer' : draw < 0.75 ? 'user' : 'claude_code_user';
}

export interface People {
  users: UserRec[];
  /** a user who left; still referenced by a key's created_by */
  removedUser: UserRec;
  invites: InviteRec[];
}

export function generatePeople(
  seed: number,
  count: number,
  domain: string,
  historyStartMs: number,
  nowMs: number,
): People {
  const names = new Set<string>();
  const firstNames = new Set<string>();
  const makePerson = (label: string, index: number) => {
    const rng = rngFor(seed, label, index);
    // redraw a few times to avoid repeated first names (small orgs) and repeated full names (any org)
    let first = rng.pick(FIRST_NAMES);
    let last = rng.pick(LAST_NAMES);
    for (
      let tries = 0;
      tries < 8 && (names.has(`${first} ${last}`) || (firstNames.has(first) && firstNames.size < FIRST_NAMES.length));
      tries++
    ) {
      first = rng.pick(FIRST_NAMES);
      last = rng.pick(LAST_NAMES);
    }
    let name = `${first} ${last}`;
    let local = `${first}.${last}`.toLowerCase();
    for (let n = 2; names.has(name); n++) {
      name = `${first} ${last} ${n}`;
      local = `${first}.${last}${n}`.toLowerCase();
    }
    names.add(name);
    firstNames.add(first);
    return { rng, name, email: `${local}@${domain}` };
  };
  const span = nowMs - historyStartMs;
  const users: UserRec[] = [];
  for (let i = 0; i < count; i++) {
    const { rng, name, email } = makePerson('user', i);
    // the first users joined before history starts; later ones trickle in over it
    const addedAtMs =
      i < 3 ? historyStartMs - (30 - i) * DAY_MS : historyStartMs + Math.floor((span * 0.8 * i) / count);
    users.push({
      id: makeId('user', rng),
      email,
      name,
      role: roleFor(i, count, rng.next()),
      addedAtMs: addedAtMs + rng.int(0, 3_600_000),
      removedAtMs: null,
    });
  }
  const gone = makePerson('removed-user', 0);
  const removedUser: UserRec = {
    id: makeId('user', gone.rng),
    email: gone.email,
    name: gone.name,
    role: 'developer',
    addedAtMs: historyStartMs - 60 * DAY_MS,
    removedAtMs: nowMs - 30 * DAY_MS,
  };
  return {
    users,
    removedUser,
    invites: generateInvites(seed, Math.max(5, Math.round(count / 8)), domain, nowMs, makePerson, users),
  };
}

function generateInvites(
  seed: number,
  count: number,
  domain: string,
  nowMs: number,
  makePerson: (label: string, i: number) => { name: string; email: string },
  users: UserRec[],
): InviteRec[] {
  const invites: InviteRec[] = [];
  let accepted = 0;
  for (let i = 0; i < count; i++) {
    const rng = rngFor(seed, 'invite', i);
    if (i % 5 === 3) {
      // an accepted invite belongs to a user who joined through it
      const joiner = users[users.length - 1 - accepted++];
      if (joiner) {
        invites.push({
          id: makeId('invite', rng),
          email: joiner.email,
          role: ['user', 'developer', 'billing', 'claude_code_user'].includes(joiner.role) ? joiner.role : 'user',
          invitedAtMs: joiner.addedAtMs - 2 * DAY_MS,
          status: 'accepted',
          acceptedAtMs: joiner.addedAtMs,
          rbacGroupIds: [],
        });
        continue;
      }
    }
    const { email } = makePerson('invitee', i);
    // cycle through: pending (recent), pending soon to expire, expired, accepted, deleted
    const kind = i % 5;
    const ageDays = [2, 19, 40, 15, 10][kind] as number;
    const invitedAtMs = nowMs - ageDays * DAY_MS - rng.int(0, 6 * 3_600_000);
    invites.push({
      id: makeId('invite', rng),
      email: kind === 2 ? email.replace(`@${domain}`, '@gmail.example') : email,
      role: rng.pick(['user', 'developer', 'claude_code_user'] as const),
      invitedAtMs,
      status: kind === 3 ? 'accepted' : kind === 4 ? 'deleted' : 'pending',
      acceptedAtMs: kind === 3 ? invitedAtMs + 2 * DAY_MS : null,
      rbacGroupIds: [],
    });
  }
  return invites;
}
