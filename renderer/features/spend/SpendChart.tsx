/**
 * The daily spend chart, drawn by uPlot (small and fast). Amounts become floats only here, for drawing;
 * every number the user reads comes from the exact table under the chart.
 */
import { useEffect, useRef, useState } from 'react';
import type uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { DailySpend } from '../../../preload/contract';

const PALETTE = ['#9a3f16', '#1f5fbf', '#2f7d4a', '#8a5a00', '#6b3fa0', '#b0306a', '#4d6b73', '#5c5c57'];

export function SpendChart({ data }: { data: DailySpend }) {
  const host = useRef<HTMLDivElement>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    const element = host.current;
    if (!element || data.series.length === 0) return;
    let chart: uPlot | null = null;
    let cancelled = false;
    // Loaded on first use: uPlot touches window.matchMedia when it loads, and only this view needs it.
    void import('uplot')
      .then(({ default: UPlot }) => {
        if (cancelled) return;
        const width = Math.max(320, element.clientWidth || 640);
        chart = new UPlot(
          {
            width,
            height: 240,
            scales: { x: { time: true } },
            axes: [{}, { size: 70, values: (_u, ticks) => ticks.map((t) => `$${t.toLocaleString()}`) }],
            series: [{}, ...data.series.map((s, i) => ({ label: s.label, stroke: PALETTE[i % PALETTE.length], width: 2, points: { show: data.dayStartsMs.length <= 31 } }))],
          },
          [data.dayStartsMs.map((ms) => ms / 1000), ...data.series.map((s) => s.cents.map((c) => Number(c) / 100))],
          element,
        );
      })
      .catch(() => setFailed(true)); // no canvas or matchMedia (e.g. a test DOM): the table below has every number
    return () => {
      cancelled = true;
      chart?.destroy();
    };
  }, [data]);
  if (failed) return <p className="muted">The chart cannot be drawn here; the table below has every amount.</p>;
  return (
    <figure className="chart" aria-label={`Daily billed cost by ${data.series.length} groups; the same numbers are in the table below.`}>
      <div ref={host} />
    </figure>
  );
}
