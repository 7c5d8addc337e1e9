/**
 * The usage chart, drawn by uPlot (small and fast, canvas; no animation, so reduced motion needs nothing more).
 * Billed lines are solid, estimates dashed. The table below is the chart's text alternative.
 */
import { useEffect, useRef, useState } from 'react';
import type uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { UsageSeries } from '../../../preload/contract';
import { chartModel } from './spend-chart-data';

function axisColour(element: HTMLElement): string {
  return getComputedStyle(element).getPropertyValue('--text').trim() || '#1d1d1b';
}

function formatTick(unit: 'usd' | 'tokens', value: number): string {
  if (unit === 'usd') return `$${value.toLocaleString()}`;
  return value >= 1e9
    ? `${value / 1e9}B`
    : value >= 1e6
      ? `${value / 1e6}M`
      : value >= 1e3
        ? `${value / 1e3}k`
        : String(value);
}

export function SpendChart({ data, description }: { data: UsageSeries; description: string }) {
  const host = useRef<HTMLDivElement>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    const element = host.current;
    if (!element || data.groups.length === 0) return;
    let chart: uPlot | null = null;
    let cancelled = false;
    const model = chartModel(data);
    // Loaded on first use: uPlot touches window.matchMedia when it loads, and only this view needs it.
    void import('uplot')
      .then(({ default: UPlot }) => {
        if (cancelled) return;
        const width = Math.max(320, element.clientWidth || 640);
        const stroke = axisColour(element);
        const axis = { stroke, grid: { stroke: 'rgba(128,128,128,0.25)' }, ticks: { stroke: 'rgba(128,128,128,0.4)' } };
        chart = new UPlot(
          {
            width,
            height: 260,
            scales: { x: { time: true } },
            // Buckets are UTC hours and days (as the table and CSV say), so the axis reads in UTC too.
            tzDate: (seconds) => UPlot.tzDate(new Date(seconds * 1000), 'Etc/UTC'),
            axes: [axis, { ...axis, size: 76, values: (_u, ticks) => ticks.map((t) => formatTick(model.unit, t)) }],
            series: [
              {},
              ...model.lines.map((line) => ({
                label: line.label,
                stroke: line.color,
                width: line.dashed ? 1.5 : 2,
                ...(line.dashed ? { dash: [6, 4] } : {}),
                points: { show: model.xs.length <= 31 },
              })),
            ],
          },
          [model.xs, ...model.lines.map((line) => line.values)],
          element,
        );
      })
      .catch(() => setFailed(true)); // no canvas or matchMedia (e.g. a test DOM): the table below has every number
    return () => {
      cancelled = true;
      chart?.destroy();
    };
  }, [data]);
  if (failed) return <p className="muted">The chart cannot be drawn here; the table below has every number.</p>;
  return (
    <figure className="chart" aria-label={description}>
      <div ref={host} />
    </figure>
  );
}
