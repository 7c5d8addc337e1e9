/**
 * The confirmation dialog every admin action goes through: main's own sentence, why it would be refused, the
 * typed name for an irreversible one, then progress and the result or the error. Accessible modal: focus moves
 * in and is trapped, Escape cancels (not while running), focus returns to what opened it.
 */
import { useEffect, useState } from 'react';
import { useActionsStore } from '../../stores/useActionsStore';
import { useModalFocus } from '../shell/useModalFocus';
import { ModalShell } from '../shell/ModalShell';
import './actions.css';

export function ConfirmActionDialog() {
  const { phase, preview, outcome, error, confirm, close } = useActionsStore();
  const [typed, setTyped] = useState('');
  const open = phase !== 'idle';
  const { dialog, onKeyDown } = useModalFocus(open, phase, phase === 'running' ? null : close);

  useEffect(() => {
    if (open) setTyped('');
  }, [open]);

  if (!open) return null;
  const needsName = preview?.irreversible === true && preview.confirmText !== null;
  const refused = (preview?.problems.length ?? 0) > 0;
  const canConfirm = phase === 'confirming' && !refused && (!needsName || typed.trim() === preview?.confirmText);

  return (
    <ModalShell dialog={dialog} onKeyDown={onKeyDown} labelledBy="action-title" describedBy="action-body">
      <h2 id="action-title">{phase === 'done' ? 'Result' : 'Confirm admin action'}</h2>
      <div id="action-body">
        {phase === 'previewing' && <p>Checking…</p>}
        {preview && <p className="action-description">{preview.description}</p>}
        {preview?.irreversible && phase === 'confirming' && <p className="warning">This cannot be undone.</p>}
        {refused && phase === 'confirming' && (
          <ul className="problems" aria-label="Why this cannot be done">
            {preview!.problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        )}
        {phase === 'running' && <p role="status">Sending to the Admin API…</p>}
        {outcome?.ok === true && (
          <p role="status" className="ok">
            {outcome.summary}. Recorded in the audit trail.
          </p>
        )}
        {outcome?.ok === false && (
          <p role="alert" className="error">
            Not done: {outcome.error.message} (The attempt is recorded in the audit trail.)
          </p>
        )}
        {error && (
          <p role="alert" className="error">
            {error}
          </p>
        )}
      </div>
      {needsName && phase === 'confirming' && !refused && (
        <p>
          <label htmlFor="action-confirm-name">Type “{preview!.confirmText}” to confirm</label>
          <input id="action-confirm-name" value={typed} onChange={(e) => setTyped(e.target.value)} autoComplete="off" />
        </p>
      )}
      <div className="modal-buttons">
        {phase === 'done' ? (
          <button type="button" onClick={close}>
            Close
          </button>
        ) : (
          <>
            <button type="button" onClick={close} disabled={phase === 'running'}>
              Cancel
            </button>
            <button
              type="button"
              className={preview?.irreversible ? 'danger' : 'primary'}
              onClick={() => void confirm(typed)}
              disabled={!canConfirm}
            >
              Confirm
            </button>
          </>
        )}
      </div>
    </ModalShell>
  );
}
