/**
 * `clade:mirror/problem` and `clade:mirror/move-aside` (preload/contract-storage.ts): what is wrong with the open
 * profile's files, and moving an unreadable mirror aside. The request carries nothing: main decides which file and
 * whether it may move (services/mirror-repair.ts); a refusal is an error answer with the reason in words.
 */
import { canMoveAside, type StorageError } from '../../core/storage-error';
import { MirrorNotMovedError } from '../../services/mirror-repair';
import { HandlerError } from '../handler-error';
import type { Handler } from '../handler-types';

export interface MirrorRepairDeps {
  /** The open profile's file problem and its way out (services/active-profile.ts); absent: never a problem to show. */
  mirrorRepair?: {
    problem: () => StorageError | null;
    moveAside: () => Promise<{ movedTo: string }>;
  };
}

export function mirrorRepairHandlers(deps: MirrorRepairDeps): {
  'clade:mirror/problem': Handler<'clade:mirror/problem'>;
  'clade:mirror/move-aside': Handler<'clade:mirror/move-aside'>;
} {
  return {
    'clade:mirror/problem': async () => {
      const problem = deps.mirrorRepair?.problem() ?? null;
      if (!problem) return null;
      return {
        problem: problem.problem,
        path: problem.path,
        message: problem.message,
        canMoveAside: canMoveAside(problem),
      };
    },
    'clade:mirror/move-aside': async () => {
      const repair = deps.mirrorRepair;
      if (!repair) throw new HandlerError('unavailable', 'Moving the mirror aside is not available in this window.');
      try {
        return await repair.moveAside();
      } catch (error) {
        if (!(error instanceof MirrorNotMovedError)) throw error;
        throw new HandlerError(error.reason === 'no-mirror' ? 'not-found' : 'unavailable', error.message);
      }
    },
  };
}
