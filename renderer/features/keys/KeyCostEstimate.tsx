/**
 * The key's ESTIMATED cost over the last 30 days, asked of main when the panel opens (`keys.estimate`): the same
 * figure `report cost --group-by api_key` and the usage chart per key give. Billed cost has no key dimension, so
 * it is always labelled an estimate.
 */
import { useEffect, useState } from 'react';
import type { KeyEstimate } from '../../../preload/contract';
import { api, errorMessage, unwrap } from '../../lib/api';
import { formatCents, formatCount } from '../../lib/format';

export function KeyCostEstimate({ keyId }: { keyId: string }) {
  const [estimate, setEstimate] = useState<KeyEstimate | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    setEstimate(null);
    setError(null);
    unwrap(api().keys.estimate({ keyId })).then(
      (value) => live && setEstimate(value),
      (e: unknown) => live && setError(errorMessage(e)),
    );
    return () => {
      live = false;
    };
  }, [keyId]);
  return (
    <>
      <dt>Cost, last 30 days (estimate)</dt>
      <dd data-testid="key-detail-estimate">
        {error !== null
          ? `Not available: ${error}`
          : estimate === null
            ? 'Loading…'
            : `≈ ${formatCents(estimate.estimateCents)} for ${formatCount(estimate.tokens)} tokens, ${estimate.fromDay} – ${estimate.toDay} UTC` +
              (estimate.unpricedTokens > 0
                ? ` (${formatCount(estimate.unpricedTokens)} tokens of models without a known price not included)`
                : '') +
              '. Usage × list prices, not billed: the cost report has no per-key figure.'}
      </dd>
    </>
  );
}
