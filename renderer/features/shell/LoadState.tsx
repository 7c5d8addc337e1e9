/** The loading and error states every data view shares, so they look and read the same everywhere. */
import type { ReactNode } from 'react';
import type { LoadStatus } from '../../stores/useOrgStore';

interface Props {
  status: LoadStatus;
  error: string | null;
  onRetry: () => void;
  children: ReactNode;
  /** What the view is waiting for, e.g. "Searching the audit trail…". */
  loadingText?: string;
}

export function LoadState({ status, error, onRetry, children, loadingText = 'Reading the local mirror…' }: Props) {
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
        {loadingText}
      </p>
    );
  }
  return <>{children}</>;
}
