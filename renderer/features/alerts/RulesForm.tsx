/**
 * The rule settings: budgets, thresholds, key policies, forecast and anomaly, quiet hours and the digest. The
 * fields are text; main converts and validates them (parseAlertRules) and answers a message per field, shown
 * under the field and linked to it. Saving evaluates the rules at once in main, so the list follows.
 */
import { useEffect, useState, type FormEvent } from 'react';
import type { AlertRulesForm } from '../../../preload/contract';
import { useAlertsStore } from '../../stores/useAlertsStore';
import { RuleField, RuleToggle } from './RuleField';
import { WorkspaceBudgets } from './WorkspaceBudgets';

export function RulesForm() {
  const rules = useAlertsStore((s) => s.rules);
  const rulesError = useAlertsStore((s) => s.rulesError);
  const fieldErrors = useAlertsStore((s) => s.fieldErrors);
  const saveRules = useAlertsStore((s) => s.saveRules);
  const busy = useAlertsStore((s) => s.busy);
  const [draft, setDraft] = useState<AlertRulesForm | null>(rules?.form ?? null);
  const formKey = rules ? JSON.stringify(rules.form) : null;
  useEffect(() => {
    if (rules) setDraft(rules.form);
  }, [formKey]);
  // A refused save: focus the first refused field, so keyboard and screen reader users land on the message.
  const errorKey = Object.keys(fieldErrors).join('|');
  useEffect(() => {
    if (errorKey !== '') document.querySelector<HTMLElement>('.rules-form [aria-invalid="true"]')?.focus();
  }, [errorKey]);

  if (rulesError) return <p role="alert">{rulesError}</p>;
  if (!rules || !draft) return <p role="status">Loading the rules…</p>;
  const set =
    <K extends keyof AlertRulesForm>(key: K) =>
    (value: AlertRulesForm[K]) =>
      setDraft({ ...draft, [key]: value });
  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    await saveRules(draft);
  };
  const errors = fieldErrors;
  const formError = errors['form'];
  return (
    <form
      className="rules-form"
      onSubmit={(event) => void submit(event)}
      noValidate
      aria-labelledby="alerts-rules-heading"
    >
      <fieldset className="rule-group">
        <legend>Spend</legend>
        <RuleField
          id="rule-org-budget"
          label="Organization monthly budget (USD)"
          inputMode="decimal"
          value={draft.orgMonthlyUsd}
          onChange={set('orgMonthlyUsd')}
          error={errors['orgMonthlyUsd']}
          hint="A decimal such as 1500 or 1500.50; leave empty for no budget. Months are calendar months in UTC."
        />
        <RuleField
          id="rule-thresholds"
          label="Alert at these percentages"
          width="long"
          value={draft.thresholdsPct}
          onChange={set('thresholdsPct')}
          error={errors['thresholdsPct']}
          hint="Comma-separated, e.g. 50, 80, 95, 100."
        />
        <RuleToggle
          id="rule-api-limits"
          label="Also alert against the spend limits set in the Console"
          checked={draft.useApiSpendLimits}
          onChange={set('useApiSpendLimits')}
        />
        <RuleToggle
          id="rule-forecast"
          label="Warn when the month-end forecast crosses a budget or limit"
          checked={draft.forecastEnabled}
          onChange={set('forecastEnabled')}
        />
        <RuleToggle
          id="rule-anomaly"
          label="Warn about a day far above a workspace's normal spend"
          checked={draft.anomalyEnabled}
          onChange={set('anomalyEnabled')}
        />
      </fieldset>
      <WorkspaceBudgets
        budgets={draft.workspaceBudgets}
        workspaces={rules.workspaces}
        errors={errors}
        onChange={set('workspaceBudgets')}
      />
      <fieldset className="rule-group">
        <legend>API keys</legend>
        <RuleField
          id="rule-rotation"
          label="Rotate keys older than (days)"
          inputMode="numeric"
          value={draft.rotationDays}
          onChange={set('rotationDays')}
          error={errors['rotationDays']}
        />
        <RuleField
          id="rule-dormant"
          label="Call a key dormant after (days without use)"
          inputMode="numeric"
          value={draft.dormantDays}
          onChange={set('dormantDays')}
          error={errors['dormantDays']}
        />
        <RuleField
          id="rule-expiry"
          label="Warn before expiry (days)"
          width="long"
          value={draft.expiryDays}
          onChange={set('expiryDays')}
          error={errors['expiryDays']}
          hint="Comma-separated, e.g. 14, 7, 1."
        />
      </fieldset>
      <fieldset className="rule-group">
        <legend>Quiet hours and digest</legend>
        <RuleToggle
          id="rule-quiet"
          label="Hold notifications during quiet hours"
          checked={draft.quietHoursEnabled}
          onChange={set('quietHoursEnabled')}
        />
        <div className="rule-row">
          <RuleField
            id="rule-quiet-start"
            label="Quiet from (HH:MM)"
            value={draft.quietStart}
            onChange={set('quietStart')}
            error={errors['quietStart']}
          />
          <RuleField
            id="rule-quiet-end"
            label="Quiet until (HH:MM)"
            value={draft.quietEnd}
            onChange={set('quietEnd')}
            error={errors['quietEnd']}
          />
        </div>
        <RuleField
          id="rule-zone"
          label="Time zone"
          width="long"
          value={draft.timeZone}
          onChange={set('timeZone')}
          error={errors['timeZone']}
          hint={`An IANA zone such as Europe/Berlin. This computer's zone is ${rules.systemTimeZone}.`}
        />
        <RuleToggle
          id="rule-digest"
          label="Send a morning digest of open alerts"
          checked={draft.digestEnabled}
          onChange={set('digestEnabled')}
        />
        <RuleField
          id="rule-digest-at"
          label="Digest at (HH:MM)"
          value={draft.digestAt}
          onChange={set('digestAt')}
          error={errors['digestAt']}
        />
      </fieldset>
      {formError && (
        <p className="field-error" role="alert">
          {formError}
        </p>
      )}
      <div className="form-actions">
        <button type="submit" className="primary" disabled={busy}>
          Save rules
        </button>
        {Object.keys(errors).length > 0 && (
          <p role="alert">Some values were not accepted; nothing was saved. See the messages under the fields.</p>
        )}
      </div>
    </form>
  );
}
