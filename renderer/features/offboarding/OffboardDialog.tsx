/**
 * The Offboard dialog of the People view (issue #22): what the person holds with a choice per key, then the plan in
 * run order with its warnings and the e-mail to type, then progress and the final report (the same report the CLI
 * prints). A stopped run opens on its stored plan and continues it. Accessible modal: focus moves in and is trapped,
 * Escape closes (not while running), focus returns to the Offboard button.
 */
import { useEffect, useState } from 'react';
import { useOffboardingStore } from '../../stores/useOffboardingStore';
import { useModalFocus } from '../shell/useModalFocus';
import { ModalShell } from '../shell/ModalShell';
import { OffboardHoldings } from './OffboardHoldings';
import { OffboardSteps } from './OffboardSteps';
import '../actions/actions.css';
import './offboarding.css';

export function OffboardDialog() {
  const { phase, preview, choices, report, progress, error, choose, review, back, run, abandon, close } =
    useOffboardingStore();
  const [typed, setTyped] = useState('');
  const open = phase !== 'idle';
  const { dialog, onKeyDown } = useModalFocus(open, phase, phase === 'running' ? null : close);

  useEffect(() => {
    if (phase === 'reviewing') setTyped('');
  }, [phase]);

  if (!open) return null;
  const person = preview?.holdings.person ?? report?.person ?? null;
  const missingInheritor = Object.values(choices).some((c) => c.keep && c.inheritor.trim() === '');
  const refused = (preview?.problems.length ?? 0) > 0;
  const canRun = phase === 'reviewing' && !refused && typed.trim() === preview?.confirmText;

  return (
    <ModalShell dialog={dialog} onKeyDown={onKeyDown} labelledBy="offboard-title" className="offboard-modal">
      <h2 id="offboard-title">{person ? `Offboard ${person.name || person.email}` : 'Offboard'}</h2>
      {person && (
        <p className="muted">
          {person.email} · org role {person.role}
          {preview?.holdings.isOrgAdmin &&
            ' (the Admin API cannot remove an org admin: the last step is in the Console)'}
        </p>
      )}
      {phase === 'loading' && <p role="status">Reading what they hold…</p>}
      {phase === 'choosing' && preview && (
        <OffboardHoldings holdings={preview.holdings} choices={choices} onChoose={choose} />
      )}
      {phase === 'reviewing' && preview && (
        <>
          {preview.resumes && (
            <p role="status">
              An earlier offboarding stopped; running it again continues where it stopped (steps already done stay
              done). A step that can never succeed: abandon this run to plan afresh.
            </p>
          )}
          <h3>Plan, in this order</h3>
          <OffboardSteps steps={preview.plan.steps} label="Offboarding plan" />
          {preview.plan.warnings.length > 0 && (
            <ul className="warning" aria-label="Before you confirm">
              {preview.plan.warnings.map((w) => (
                <li key={w}>{w}</li>
              ))}
            </ul>
          )}
          {refused && (
            <ul className="problems error" aria-label="Why this cannot run">
              {preview.problems.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          )}
          {!refused && (
            <p>
              <label htmlFor="offboard-confirm">
                Removing a member cannot be undone. Type “{preview.confirmText}” to confirm
              </label>
              <input
                id="offboard-confirm"
                value={typed}
                onChange={(e) => setTyped(e.target.value)}
                autoComplete="off"
              />
            </p>
          )}
        </>
      )}
      {phase === 'running' && (
        <>
          <p role="status" className="offboard-running">
            Offboarding: each step is sent to the Admin API and recorded in the audit trail…
          </p>
          <OffboardSteps steps={progress ?? preview?.plan.steps ?? []} label="Offboarding progress" />
        </>
      )}
      {phase === 'done' && report && (
        <>
          <h3>Report</h3>
          <OffboardSteps steps={report.steps} label="Offboarding report" />
          <p role="status" className={report.steps.some((s) => s.status === 'failed') ? 'error' : 'ok'}>
            {report.outcome}
          </p>
        </>
      )}
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <div className="modal-buttons">
        {phase === 'choosing' && (
          <>
            <button type="button" onClick={close}>
              Cancel
            </button>
            <button type="button" className="primary" onClick={() => void review()} disabled={missingInheritor}>
              Review plan
            </button>
          </>
        )}
        {phase === 'reviewing' && (
          <>
            {preview?.resumes ? (
              <button type="button" onClick={() => void abandon()}>
                Abandon this run
              </button>
            ) : (
              <button type="button" onClick={back}>
                Back
              </button>
            )}
            <button type="button" onClick={close}>
              Cancel
            </button>
            <button type="button" className="danger" onClick={() => void run(typed)} disabled={!canRun}>
              {preview?.resumes ? 'Continue offboarding' : 'Offboard'}
            </button>
          </>
        )}
        {(phase === 'done' || phase === 'loading') && (
          <button type="button" onClick={close} disabled={phase === 'loading'}>
            Close
          </button>
        )}
      </div>
    </ModalShell>
  );
}
