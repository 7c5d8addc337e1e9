/** The daily score as a small line chart (0–100), with its numbers in a text alternative for screen readers. */
import type { PostureView } from '../../../preload/contract';

const WIDTH = 240;
const HEIGHT = 48;

export function ScoreTrend({ trend }: { trend: PostureView['trend'] }) {
  if (trend.length < 2)
    return <p className="muted posture-trend-empty">The trend starts here: the score is kept once a day.</p>;
  const step = WIDTH / (trend.length - 1);
  const points = trend.map((p, i) => `${(i * step).toFixed(1)},${(HEIGHT - (p.score / 100) * HEIGHT).toFixed(1)}`);
  const first = trend[0]!;
  const last = trend[trend.length - 1]!;
  const label = `Score trend from ${first.day} (${first.score}) to ${last.day} (${last.score}), ${trend.length} days`;
  return (
    <figure className="posture-trend">
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} width={WIDTH} height={HEIGHT} role="img" aria-label={label}>
        <polyline points={points.join(' ')} fill="none" stroke="currentColor" strokeWidth="2" />
      </svg>
      <figcaption className="muted">
        {first.day}: {first.score} → {last.day}: {last.score}
      </figcaption>
    </figure>
  );
}
