/** The plan's steps in run order, with each one's state once it has run (the progress and the final report). */
import type { OffboardStep } from '../../../preload/contract';

const STATUS_TEXT: Record<OffboardStep['status'], string> = {
  planned: 'Planned',
  done: 'Done',
  failed: 'Failed',
  pending: 'Pending (Console)',
  resolved: 'Resolved',
};

export function OffboardSteps({ steps, label }: { steps: OffboardStep[]; label: string }) {
  return (
    <ol className="offboard-steps" aria-label={label}>
      {steps.map((step) => (
        <li key={step.seq} className={`step-${step.status}`}>
          <span className="step-status">{STATUS_TEXT[step.status]}</span>
          <span>
            {step.label}
            {step.detail && <span className="step-detail">{step.detail}</span>}
          </span>
        </li>
      ))}
    </ol>
  );
}
