/** Per-workspace monthly budgets: one amount per budgeted workspace, and a picker to add one from the mirror. */
import { useState } from 'react';
import type { AlertRulesForm, AlertRulesState } from '../../../preload/contract';
import { RuleField } from './RuleField';

export function WorkspaceBudgets(props: {
  budgets: AlertRulesForm['workspaceBudgets'];
  workspaces: AlertRulesState['workspaces'];
  errors: Record<string, string>;
  onChange: (budgets: AlertRulesForm['workspaceBudgets']) => void;
}) {
  const { budgets, workspaces, errors, onChange } = props;
  const nameOf = (id: string) => workspaces.find((w) => w.id === id)?.name ?? id;
  const available = workspaces.filter((w) => !budgets.some((b) => b.workspaceId === w.id));
  const [picked, setPicked] = useState('');
  const choice = available.some((w) => w.id === picked) ? picked : (available[0]?.id ?? '');
  return (
    <fieldset className="rule-group">
      <legend>Workspace monthly budgets (USD)</legend>
      {budgets.length === 0 && <p className="field-hint">No workspace has a budget.</p>}
      {budgets.map((budget, index) => (
        <div key={budget.workspaceId} className="workspace-budget">
          <RuleField
            id={`rule-ws-${index}`}
            label={`Budget for ${nameOf(budget.workspaceId)}`}
            inputMode="decimal"
            value={budget.usd}
            error={errors[`workspaceBudgets.${budget.workspaceId}`]}
            onChange={(usd) => onChange(budgets.map((b) => (b.workspaceId === budget.workspaceId ? { ...b, usd } : b)))}
          />
          <button
            type="button"
            aria-label={`Remove the budget for ${nameOf(budget.workspaceId)}`}
            onClick={() => onChange(budgets.filter((b) => b.workspaceId !== budget.workspaceId))}
          >
            Remove
          </button>
        </div>
      ))}
      {available.length > 0 && (
        <div className="inline-form">
          <label htmlFor="rule-ws-pick">Add a budget for</label>
          <select id="rule-ws-pick" value={choice} onChange={(event) => setPicked(event.target.value)}>
            {available.map((w) => (
              <option key={w.id} value={w.id}>
                {w.name}
                {w.archived ? ' (archived)' : ''}
              </option>
            ))}
          </select>
          <button type="button" onClick={() => choice && onChange([...budgets, { workspaceId: choice, usd: '' }])}>
            Add budget
          </button>
        </div>
      )}
    </fieldset>
  );
}
