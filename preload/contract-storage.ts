/**
 * Channels for a mirror the app cannot use (issue #20): what is wrong with the open profile's files, where, and what
 * to do; and the one repair the window may ask for, moving an unreadable mirror aside so a new one is synced.
 * Spread into the one channel table in contract.ts; same rules (zod both ways, no Electron or Node imports).
 *
 * The window never names a file: main knows which mirror the profile uses, inspects it again itself and refuses a
 * sound one (an error answer, with the reason in words).
 */
import { z } from 'zod';
import type { StorageProblem } from '../main/core/storage-error';
import type { ChannelSpec } from './channel-spec';
import { assertSameShape } from './same-shape';

const NoRequest = z.undefined();

export const StorageProblemDto = z.object({
  problem: z.enum(['corrupt', 'empty-file', 'too-new', 'read-only', 'not-a-folder', 'disk-full']),
  /** The file or folder the problem is in (the message names it too). */
  path: z.string(),
  /** What is wrong, where, and what to do, written for the admin. */
  message: z.string(),
  /** Whether moving the mirror aside is the way out (a damaged or empty mirror); the window offers it only then. */
  canMoveAside: z.boolean(),
});
export type StorageProblemView = z.infer<typeof StorageProblemDto>;
// The core owns the list of problems; the schema must name exactly them.
assertSameShape<StorageProblemView['problem'], StorageProblem>(true);

export const MoveAsideResultDto = z.object({
  /** Where the old mirror (and its sidecar files) now is, kept for a look or a restore. */
  movedTo: z.string(),
});
export type MoveAsideResult = z.infer<typeof MoveAsideResultDto>;

export const storageChannels = {
  /** The file problem the open profile's data stopped on; null when there is none. */
  'clade:mirror/problem': { kind: 'invoke', request: NoRequest, response: StorageProblemDto.nullable() },
  /** Moves an unreadable mirror aside and reopens the profile (which syncs a new mirror); answers after that open. */
  'clade:mirror/move-aside': { kind: 'invoke', request: NoRequest, response: MoveAsideResultDto },
} as const satisfies Record<string, ChannelSpec>;
