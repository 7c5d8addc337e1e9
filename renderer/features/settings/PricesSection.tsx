/**
 * Model prices for this profile's local cost estimates: the admin's overrides (a model the built-in table lacks,
 * or a corrected price from a date), in USD per million tokens; cache prices follow from the input price. The same
 * setting as `clade-admin config price`; main validates and records every change in the audit trail.
 */
import { useEffect, useState, type FormEvent } from 'react';
import { usePricesStore, type PriceDraft } from '../../stores/usePricesStore';

const EMPTY: PriceDraft = { model: '', effectiveFrom: '', input: '', output: '' };

export function PricesSection() {
  const { list, loadError, saveError, saving, load, add, remove } = usePricesStore();
  const [draft, setDraft] = useState<PriceDraft>(EMPTY);
  useEffect(() => {
    void load();
  }, [load]);
  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    if (await add(draft)) setDraft(EMPTY);
  };
  const field = (key: keyof PriceDraft, label: string, type: 'text' | 'date' = 'text') => (
    <div className="field">
      <label htmlFor={`price-${key}`}>{label}</label>
      <input
        id={`price-${key}`}
        type={type}
        value={draft[key]}
        required={key !== 'effectiveFrom'}
        inputMode={key === 'input' || key === 'output' ? 'decimal' : undefined}
        aria-describedby={saveError ? 'price-error' : undefined}
        onChange={(e) => setDraft({ ...draft, [key]: e.target.value })}
      />
    </div>
  );
  return (
    <section aria-labelledby="settings-prices" className="settings-section">
      <h3 id="settings-prices">Model prices</h3>
      <p className="muted">
        Local cost estimates (per key, the usage chart) use the built-in list prices. Add a price for a model the table
        lacks, or override one from a date. USD per million tokens; cache prices are derived from the input price.
      </p>
      {/* Not an alert: the prices are a side detail of Settings, and the profile sections say what is wrong. */}
      {loadError && <p className="muted">The prices could not be read: {loadError}</p>}
      {list && list.overrides.length > 0 && (
        <table className="price-table">
          <caption className="visually-hidden">Price overrides</caption>
          <thead>
            <tr>
              <th scope="col">Model</th>
              <th scope="col">From</th>
              <th scope="col">Input</th>
              <th scope="col">Output</th>
              <th scope="col">Cache read</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {list.overrides.map((o) => (
              <tr key={`${o.model}|${o.effectiveFrom ?? ''}`}>
                <td>{o.model}</td>
                <td>{o.effectiveFrom ?? 'always'}</td>
                <td>{o.input}</td>
                <td>{o.output}</td>
                <td>{o.cacheRead}</td>
                <td>
                  <button
                    type="button"
                    aria-label={`Remove the price of ${o.model}${o.effectiveFrom ? ` from ${o.effectiveFrom}` : ''}`}
                    onClick={() => void remove(o.model, o.effectiveFrom)}
                  >
                    Remove
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {list && list.overrides.length === 0 && <p className="muted">No overrides: the built-in prices apply.</p>}
      <form className="settings-form price-form" onSubmit={(e) => void submit(e)} aria-label="Add a model price">
        {field('model', 'Model id')}
        {field('effectiveFrom', 'From (empty: always)', 'date')}
        {field('input', 'Input, USD per million tokens')}
        {field('output', 'Output, USD per million tokens')}
        {saveError && (
          <p id="price-error" role="alert" className="field-error">
            {saveError}
          </p>
        )}
        <div className="form-actions">
          <button type="submit" disabled={saving}>
            Save price
          </button>
        </div>
      </form>
    </section>
  );
}
