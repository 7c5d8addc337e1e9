/**
 * The frame every modal dialog draws its content in: the backdrop and the element with role="dialog", wired to
 * useModalFocus (its ref and key handler), named by its heading and, where there is one, described by its body.
 */
import type { KeyboardEvent, ReactNode, RefObject } from 'react';

interface ModalShellProps {
  dialog: RefObject<HTMLDivElement | null>;
  onKeyDown: (event: KeyboardEvent<HTMLDivElement>) => void;
  labelledBy: string;
  describedBy?: string;
  /** Added to `modal` (a wider dialog's own class). */
  className?: string;
  children: ReactNode;
}

export function ModalShell({ dialog, onKeyDown, labelledBy, describedBy, className, children }: ModalShellProps) {
  return (
    <div className="modal-backdrop">
      <div
        ref={dialog}
        className={className ? `modal ${className}` : 'modal'}
        role="dialog"
        aria-modal="true"
        aria-labelledby={labelledBy}
        aria-describedby={describedBy}
        tabIndex={-1}
        onKeyDown={onKeyDown}
      >
        {children}
      </div>
    </div>
  );
}
