/**
 * The spend view's choices: range (presets or a checked custom from–to), hour or day buckets, grouping and metric.
 * Native selects and date inputs, each with a visible label, so they are keyboard usable as they are.
 */
import { useId, useState, type FormEvent } from 'react';
import type { UsageSeriesQuery } from '../../../preload/contract';
import { customRangeProblem, utcToday } from './spend-range';
import { GROUP_LABELS, METRIC_LABELS, RANGE_LABELS } from './spend-labels';

type Preset = keyof typeof RANGE_LABELS;
const DAY = 86_400_000;

interface Props {
  query: UsageSeriesQuery;
  onChange: (query: UsageSeriesQuery) => void;
  now: () => number;
}

export function SpendControls({ query, onChange, now }: Props) {
  const [rangeChoice, setRangeChoice] = useState<Preset | 'custom'>(
    query.range.kind === 'preset' ? query.range.preset : 'custom',
  );
  const [from, setFrom] = useState(query.range.kind === 'custom' ? query.range.from : utcToday(now() - 6 * DAY));
  const [to, setTo] = useState(query.range.kind === 'custom' ? query.range.to : utcToday(now()));
  const [problem, setProblem] = useState<string | null>(null);
  const change = (next: Partial<UsageSeriesQuery>): void => onChange({ ...query, ...next });
  const id = useId();

  const chooseRange = (value: string): void => {
    const choice = value as Preset | 'custom';
    setRangeChoice(choice);
    setProblem(null);
    if (choice !== 'custom') change({ range: { kind: 'preset', preset: choice } });
  };
  const applyCustom = (event: FormEvent): void => {
    event.preventDefault();
    const found = customRangeProblem(from, to, query.bucket, now());
    setProblem(found);
    if (found === null) change({ range: { kind: 'custom', from, to } });
  };

  return (
    <form className="spend-controls" aria-label="Usage and cost options" onSubmit={applyCustom}>
      <div className="spend-field">
        <label htmlFor={`${id}-range`}>Range</label>
        <select id={`${id}-range`} value={rangeChoice} onChange={(event) => chooseRange(event.target.value)}>
          {(Object.keys(RANGE_LABELS) as Preset[]).map((preset) => (
            <option key={preset} value={preset}>
              {RANGE_LABELS[preset]}
            </option>
          ))}
          <option value="custom">Custom days…</option>
        </select>
      </div>
      {rangeChoice === 'custom' && (
        <fieldset className="spend-custom">
          <legend>Custom range (UTC days, both included)</legend>
          <div className="spend-field">
            <label htmlFor={`${id}-from`}>From</label>
            <input
              id={`${id}-from`}
              type="date"
              value={from}
              max={utcToday(now())}
              aria-invalid={problem !== null}
              aria-describedby={problem ? 'spend-range-problem' : undefined}
              onChange={(event) => setFrom(event.target.value)}
            />
          </div>
          <div className="spend-field">
            <label htmlFor={`${id}-to`}>To</label>
            <input
              id={`${id}-to`}
              type="date"
              value={to}
              max={utcToday(now())}
              aria-invalid={problem !== null}
              aria-describedby={problem ? 'spend-range-problem' : undefined}
              onChange={(event) => setTo(event.target.value)}
            />
          </div>
          <button type="submit">Show range</button>
          {problem && (
            <p id="spend-range-problem" role="alert" className="spend-problem">
              {problem}
            </p>
          )}
        </fieldset>
      )}
      <div className="spend-field">
        <label htmlFor={`${id}-bucket`}>Buckets</label>
        <select
          id={`${id}-bucket`}
          value={query.bucket}
          onChange={(event) => change({ bucket: event.target.value as UsageSeriesQuery['bucket'] })}
        >
          <option value="day">By day</option>
          <option value="hour">By hour</option>
        </select>
      </div>
      <div className="spend-field">
        <label htmlFor={`${id}-group`}>Group by</label>
        <select
          id={`${id}-group`}
          value={query.groupBy}
          onChange={(event) => change({ groupBy: event.target.value as UsageSeriesQuery['groupBy'] })}
        >
          {(Object.keys(GROUP_LABELS) as Array<UsageSeriesQuery['groupBy']>).map((group) => (
            <option key={group} value={group}>
              {GROUP_LABELS[group]}
            </option>
          ))}
        </select>
      </div>
      <div className="spend-field">
        <label htmlFor={`${id}-metric`}>Show</label>
        <select
          id={`${id}-metric`}
          value={query.metric}
          onChange={(event) => change({ metric: event.target.value as UsageSeriesQuery['metric'] })}
        >
          {(Object.keys(METRIC_LABELS) as Array<UsageSeriesQuery['metric']>).map((metric) => (
            <option key={metric} value={metric}>
              {METRIC_LABELS[metric]}
            </option>
          ))}
        </select>
      </div>
    </form>
  );
}
