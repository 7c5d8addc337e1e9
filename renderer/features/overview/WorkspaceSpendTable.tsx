/** Month-to-date spend by workspace, each against its budget or spend limit, with the forecast's crossing day. */
import type { Overview } from '../../../preload/contract';
import { formatCents } from '../../lib/format';
import { crossingPhrase, mostPressing, toneOf } from './overview-format';

export function WorkspaceSpendTable({ overview, nowMs }: { overview: Overview; nowMs: number }) {
  const today = new Date(nowMs).toISOString().slice(0, 10);
  if (overview.byWorkspace.length === 0) return null;
  return (
    <section aria-labelledby="by-workspace-heading">
      <h3 id="by-workspace-heading">Spend by workspace</h3>
      {/* Scrolls sideways on its own in a narrow window; focusable so the keyboard can scroll it too. */}
      <div className="table-wrap" role="region" aria-label="Spend by workspace table" tabIndex={0}>
        <table className="table">
          <thead>
            <tr>
              <th scope="col">Workspace</th>
              <th scope="col" className="num">
                Month to date
              </th>
              <th scope="col">Budget or limit</th>
              <th scope="col" className="num">
                Used
              </th>
              <th scope="col">Forecast</th>
            </tr>
          </thead>
          <tbody>
            {overview.byWorkspace.map((row) => {
              const target = mostPressing(row.targets);
              return (
                <tr key={row.workspaceId ?? 'default'}>
                  <th scope="row">{row.name}</th>
                  <td className="num">{formatCents(row.cents, overview.currency)}</td>
                  <td>
                    {target ? (
                      `${formatCents(target.amountCents, overview.currency)} ${target.source === 'budget' ? 'budget' : 'limit'}`
                    ) : (
                      <span className="muted">none</span>
                    )}
                  </td>
                  <td className="num">
                    {target ? <span className={`pct tone-${toneOf(target.percent)}`}>{target.percent} %</span> : ''}
                  </td>
                  <td>{target ? crossingPhrase(target, today).replace(/^\w/, (c) => c.toUpperCase()) : ''}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}
