import { describe, expect, it } from 'vitest';
import { chartModel } from '../../../../renderer/features/spend/spend-chart-data';
import { usageAnswer } from './spend-fixture';

describe('chartModel', () => {
  it('draws billed solid and estimate dashed, labelled, in the same colour per group', () => {
    const model = chartModel(
      usageAnswer({ range: { kind: 'preset', preset: '7d' }, bucket: 'day', groupBy: 'workspace', metric: 'cost' }),
    );
    expect(model.unit).toBe('usd');
    expect(model.lines.map((l) => [l.label, l.dashed])).toEqual([
      ['Production — billed', false],
      ['Production — estimate', true],
      ['Default Workspace — billed', false],
      ['Default Workspace — estimate', true],
    ]);
    expect(model.lines[0]!.color).toBe(model.lines[1]!.color);
    expect(model.lines[0]!.values).toEqual([10.005, 2.6]);
  });

  it('draws estimates only where there is no billed cost, and tokens for a token metric', () => {
    const perKey = chartModel(
      usageAnswer({ range: { kind: 'preset', preset: '7d' }, bucket: 'day', groupBy: 'key', metric: 'cost' }),
    );
    expect(perKey.lines.every((l) => l.dashed && l.label.endsWith('— estimate'))).toBe(true);
    const tokens = chartModel(
      usageAnswer({ range: { kind: 'preset', preset: '7d' }, bucket: 'day', groupBy: 'model', metric: 'tokens' }),
    );
    expect(tokens.unit).toBe('tokens');
    expect(tokens.lines.map((l) => l.values)).toEqual([
      [1_000_000, 500_000],
      [0, 2_000],
    ]);
  });

  it('folds groups past the largest few into one "Other" line', () => {
    const data = usageAnswer({
      range: { kind: 'preset', preset: '7d' },
      bucket: 'day',
      groupBy: 'key',
      metric: 'tokens',
    });
    data.groups = Array.from({ length: 10 }, (_, i) => ({
      ...data.groups[0]!,
      key: `k${i}`,
      label: `key ${i}`,
      tokens: [1, 2],
    }));
    const model = chartModel(data);
    expect(model.lines).toHaveLength(8);
    expect(model.lines.at(-1)).toMatchObject({ label: 'Other (3)', values: [3, 6] });
    data.groups = data.groups.slice(0, 8);
    expect(
      chartModel(data)
        .lines.map((l) => l.label)
        .at(-1),
    ).toBe('key 7');
  });
});
