/** The loading and error states every data view shares, so they look and read the same everywhere. */
import type { ReactNode } from 'react';
import type { LoadStatus } from '../../stores/useOrgStore';

interface Props {
  status: LoadStatus;
  error: string | null;
  onRetry: () => void;
  children: ReactNode;
}

export function LoadState({ status, error, onRetry, children }: Props) {
  if (status === 'error') {
    return (
      <div role="alert" className="notice notice-error">
        <p>{error}</p>
        <button type="button" onClick={onRetry}>
          Try again
        </button>
      </div>
    );
  }
  if (status === 'idle' || status === 'loading') {
    return (
      <p role="status" className="muted">
        Reading the local mirror…
      </p>
    );
  }
  return <>{children}</>;
}
