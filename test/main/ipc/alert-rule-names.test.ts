import { describe, expect, it } from 'vitest';
import { RULE_IDS } from '../../../main/core/alerts/types';
import { AlertRuleName } from '../../../preload/contract';

// The contract cannot import the alert core (layer rules), so it lists the rule ids again; this keeps the two equal.
describe('alert rule names in the contract', () => {
  it('are exactly the alert core rule ids, in the same order', () => {
    expect(AlertRuleName.options).toEqual([...RULE_IDS]);
  });
});
