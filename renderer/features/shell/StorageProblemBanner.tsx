/**
 * Shown on every view while the open profile's files are the problem (#20): what is wrong, where and what to do,
 * in main's own words, and for a damaged or empty mirror the way out (move it aside and resync, after a
 * confirmation). Checks again whenever a sync ends, since that is when a problem appears or clears.
 */
import { useEffect } from 'react';
import type { StorageProblemView } from '../../../preload/contract';
import { api } from '../../lib/api';
import { useStorageStore } from '../../stores/useStorageStore';
import { MoveAsideDialog } from './MoveAsideDialog';

const TITLES: Record<StorageProblemView['problem'], string> = {
  corrupt: 'The local mirror is damaged',
  'empty-file': 'The local mirror is empty',
  'too-new': 'The local mirror is from a newer version of Clade Admin',
  'read-only': 'The data folder cannot be written',
  'not-a-folder': 'The data folder is a file',
  'disk-full': 'The disk is full',
};

interface Props {
  /** Reloads what the views show, once a new mirror is in place. */
  onMoved: () => void;
}

export function StorageProblemBanner({ onMoved }: Props) {
  const { problem, phase, movedTo, error, load, ask, confirm, close } = useStorageStore();

  useEffect(() => {
    void load();
    try {
      return api().sync.onProgressChanged((progress) => {
        if (progress.phase !== 'running') void load();
      });
    } catch {
      return undefined; // no bridge: nothing to check
    }
  }, [load]);

  return (
    <>
      {problem && (
        <section role="alert" className="notice notice-error storage-problem" aria-labelledby="storage-problem-title">
          <h2 id="storage-problem-title">{TITLES[problem.problem]}</h2>
          <p>{sentence(problem.message)}</p>
          {problem.canMoveAside && (
            <button type="button" onClick={ask}>
              Move aside and resync
            </button>
          )}
        </section>
      )}
      <MoveAsideDialog
        phase={phase}
        problem={problem}
        movedTo={movedTo}
        error={error}
        onConfirm={() => void confirm(onMoved)}
        onClose={close}
      />
    </>
  );
}

/** Main's messages read as a clause after "error:" on the command line; here they stand alone. */
function sentence(message: string): string {
  return message.charAt(0).toUpperCase() + message.slice(1);
}
