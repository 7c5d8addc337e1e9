/** A month-to-date bar against a budget or limit: the words carry the meaning, the bar is decoration. */
import type { SpendTarget } from '../../../preload/contract';
import { formatCents } from '../../lib/format';
import { targetName, toneOf } from './overview-format';

export function SpendMeter({ target, currency, label }: { target: SpendTarget; currency: string; label?: string }) {
  const tone = toneOf(target.percent);
  const what = label ?? (target.source === 'budget' ? 'Budget' : 'Spend limit');
  return (
    <div className={`spend-meter tone-${tone}`}>
      <span className="spend-meter-text">
        <span>
          {what} {formatCents(target.amountCents, currency)}
        </span>
        <strong>{target.percent} %</strong>
      </span>
      <span className="spend-meter-bar" aria-hidden="true" title={`${target.percent} % of the ${targetName(target)}`}>
        <span style={{ width: `${Math.min(100, target.percent)}%` }} />
      </span>
    </div>
  );
}
