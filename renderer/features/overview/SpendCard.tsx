/** This month for the whole org: spent so far against the budget and the API spend limit, and the forecast. */
import type { Overview } from '../../../preload/contract';
import { formatCents } from '../../lib/format';
import { crossingPhrase, formatDay } from './overview-format';
import { SpendMeter } from './SpendMeter';

export function SpendCard({ overview, nowMs }: { overview: Overview; nowMs: number }) {
  const { currency, targets } = overview;
  const today = new Date(nowMs).toISOString().slice(0, 10);
  const monthName = new Date(overview.monthStartMs).toLocaleDateString('en-GB', { month: 'long', timeZone: 'UTC' });
  return (
    <>
      <section className="card" aria-labelledby="spend-heading">
        <h3 id="spend-heading">Spend this month</h3>
        <p className="big">{formatCents(overview.monthToDateCents, currency)}</p>
        <p className="muted">
          {overview.lastCostDayMs === null
            ? `No cost reported for ${monthName} yet.`
            : `Billed cost for ${monthName}, through ${formatDay(new Date(overview.lastCostDayMs).toISOString().slice(0, 10))} (UTC).`}
        </p>
        {targets.map((target) => (
          <SpendMeter
            key={target.source}
            target={target}
            currency={currency}
            label={target.source === 'budget' ? 'Org budget' : 'Org spend limit'}
          />
        ))}
        {targets.length === 0 && (
          <p className="muted">No org budget or spend limit set. Budgets live in the alert settings.</p>
        )}
      </section>
      <section className="card" aria-labelledby="forecast-heading">
        <h3 id="forecast-heading">Month-end forecast</h3>
        <p className="big">{overview.forecastCents === null ? '—' : formatCents(overview.forecastCents, currency)}</p>
        <p className="muted">
          {overview.forecastCents === null
            ? 'Too little cost history to project the month yet.'
            : 'Projected from recent weekdays and weekends, as the alerts do.'}
        </p>
        {overview.forecastCaps.length > 0 && (
          <ul className="plain-list" aria-label="Spend limits that cap the forecast">
            {overview.forecastCaps.map((cap) => (
              <li key={cap}>{cap}</li>
            ))}
          </ul>
        )}
        {overview.forecastCents !== null && targets.length > 0 && (
          <ul className="plain-list">
            {targets.map((target) => (
              <li
                key={target.source}
                className={target.percent >= 100 || target.crossingDay !== null ? 'text-warn' : undefined}
              >
                {overview.org?.name ?? 'The org'} {crossingPhrase(target, today)}
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
