/**
 * One checklist item: its status, title, the evidence (each offending key, workspace or person by name, with its id)
 * and the fixes. A fix button starts the confirmed admin action (rename, disable, delete invite), or sets the budget,
 * or marks the audit trail reviewed; fixes the API cannot do show their Console step and the CLI command.
 */
import { useState } from 'react';
import type { PostureActionView, PostureFixView, PostureItemView } from '../../../preload/contract';

/** A large org can name a thousand keys in one item: show the first ones, and all on request. */
const FIRST_SHOWN = 12;

const STATUS_TEXT: Readonly<Record<PostureItemView['status'], string>> = {
  pass: 'Pass',
  fail: 'Fail',
  not_applicable: 'Not applicable',
};

export function PostureItemCard({
  item,
  onFix,
  busy,
}: {
  item: PostureItemView;
  onFix: (action: PostureActionView) => void;
  busy: boolean;
}) {
  const headingId = `posture-${item.id}`;
  const [all, setAll] = useState(false);
  const shown = all ? item.evidence : item.evidence.slice(0, FIRST_SHOWN);
  return (
    <li className={`posture-item posture-${item.status}`} aria-labelledby={headingId}>
      <h3 id={headingId}>
        <span className={`posture-status posture-status-${item.status}`}>{STATUS_TEXT[item.status]}</span> {item.title}
      </h3>
      {item.evidence.length > 0 && (
        <ul className="posture-evidence">
          {shown.map((evidence, i) => (
            <li key={`${evidence.id ?? evidence.name}-${i}`}>
              <span className="posture-evidence-name">{evidence.name}</span>
              {evidence.id !== null && evidence.id !== evidence.name && (
                <code className="posture-evidence-id"> {evidence.id}</code>
              )}
              <span className="posture-evidence-detail"> {evidence.detail}</span>
              {evidence.fix && <FixControl fix={evidence.fix} onFix={onFix} busy={busy} />}
            </li>
          ))}
        </ul>
      )}
      {shown.length < item.evidence.length && (
        <button type="button" className="posture-more" onClick={() => setAll(true)}>
          Show all {item.evidence.length}
        </button>
      )}
      {item.fix && <FixControl fix={item.fix} onFix={onFix} busy={busy} />}
    </li>
  );
}

function FixControl({
  fix,
  onFix,
  busy,
}: {
  fix: PostureFixView;
  onFix: (action: PostureActionView) => void;
  busy: boolean;
}) {
  if (fix.action) {
    const action = fix.action;
    return (
      <button type="button" className="posture-fix" disabled={busy} onClick={() => onFix(action)}>
        {fix.label}
      </button>
    );
  }
  return (
    <p className="posture-fix-text muted">
      {fix.label}
      {fix.command && (
        <>
          {' '}
          <code>{fix.command}</code>
        </>
      )}
    </p>
  );
}
