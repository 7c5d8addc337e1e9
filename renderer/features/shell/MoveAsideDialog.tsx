/**
 * The confirmation before moving an unreadable mirror aside, then its progress and result. It says exactly what
 * will happen (a rename next to the file, nothing deleted, a new mirror synced) because the file holds the profile's
 * local audit trail. Accessible modal (useModalFocus); Escape cancels except while main is moving the file.
 */
import type { StorageProblemView } from '../../../preload/contract';
import type { MoveAsidePhase } from '../../stores/useStorageStore';
import { useModalFocus } from './useModalFocus';
import { ModalShell } from './ModalShell';
import '../actions/actions.css'; // the app's one modal look

interface Props {
  phase: MoveAsidePhase;
  problem: StorageProblemView | null;
  movedTo: string | null;
  error: string | null;
  onConfirm: () => void;
  onClose: () => void;
}

const TITLES: Record<'confirming' | 'moving', string> = {
  confirming: 'Move the mirror aside?',
  moving: 'Moving the mirror aside',
};

export function MoveAsideDialog({ phase, problem, movedTo, error, onConfirm, onClose }: Props) {
  const open = phase !== 'idle';
  const { dialog, onKeyDown } = useModalFocus(open, phase, phase === 'moving' ? null : onClose);
  if (!open) return null;
  return (
    <ModalShell dialog={dialog} onKeyDown={onKeyDown} labelledBy="move-aside-title" describedBy="move-aside-body">
      <h2 id="move-aside-title">
        {phase === 'done' ? (error ? 'Mirror not moved' : 'Mirror moved aside') : TITLES[phase]}
      </h2>
      <div id="move-aside-body">
        {phase === 'confirming' && (
          <>
            <p>
              Clade Admin renames <code>{problem?.path ?? 'the mirror'}</code> (with its companion files) to a
              timestamped name in the same folder, then syncs a new mirror.
            </p>
            <p>Nothing is deleted or rewritten: the old file keeps its local audit trail for a look or a restore.</p>
          </>
        )}
        {phase === 'moving' && <p role="status">Moving the mirror aside and syncing a new one…</p>}
        {phase === 'done' && movedTo && (
          <p role="status" className="ok">
            The old mirror is now <code>{movedTo}</code>. A new mirror takes its place.
          </p>
        )}
        {phase === 'done' && error && (
          <p role="alert" className="error">
            Not moved: {error}
          </p>
        )}
      </div>
      <div className="modal-buttons">
        {phase === 'done' ? (
          <button type="button" onClick={onClose}>
            Close
          </button>
        ) : (
          <>
            <button type="button" onClick={onClose} disabled={phase === 'moving'}>
              Cancel
            </button>
            <button type="button" className="primary" onClick={onConfirm} disabled={phase === 'moving'}>
              Move aside and resync
            </button>
          </>
        )}
      </div>
    </ModalShell>
  );
}
