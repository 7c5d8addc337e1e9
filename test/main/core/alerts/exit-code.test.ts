import { describe, expect, it } from 'vitest';
import { checkExitCode } from '../../../../main/core/alerts/exit-code';
import type { Condition, Severity } from '../../../../main/core/alerts/types';
import type { HealthProblem } from '../../../../main/core/alerts/evaluators/sync-health';

const condition = (severity: Severity): Condition => ({
  id: `x:${severity}`,
  rule: 'key-rotation',
  severity,
  targetKind: 'key',
  targetId: 'apikey_01X',
  targetName: 'x',
  title: 't',
  body: 'b',
  view: { view: 'keys' },
});

describe('checkExitCode', () => {
  it.each([
    [[], [], 0],
    [['info'], [], 0],
    [['info', 'warning'], [], 1],
    [['warning', 'critical', 'info'], [], 2],
    [['critical'], ['data-too-old'], 3],
    [[], ['no-data'], 3],
    [['warning'], ['credential-invalid'], 3],
  ] as Array<[Severity[], HealthProblem[], number]>)('%j with problems %j exits %i', (severities, problems, code) => {
    expect(checkExitCode(severities.map(condition), { problems })).toBe(code);
  });
});
