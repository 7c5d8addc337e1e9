/** The view switcher: plain links-as-buttons with aria-current, reachable with Tab, one per view. */
import type { View } from '../../stores/useUiStore';

const VIEWS: Array<{ id: View; label: string }> = [
  { id: 'overview', label: 'Overview' },
  { id: 'tree', label: 'Org tree' },
  { id: 'keys', label: 'API keys' },
  { id: 'spend', label: 'Spend' },
  { id: 'people', label: 'People' },
  { id: 'posture', label: 'Posture' },
  { id: 'audit', label: 'Audit trail' },
  { id: 'alerts', label: 'Alerts' },
  { id: 'settings', label: 'Settings' },
];

export function ViewNav({ view, onChange }: { view: View; onChange: (view: View) => void }) {
  return (
    <nav className="view-nav" aria-label="Views">
      {VIEWS.map((item) => (
        <button
          key={item.id}
          type="button"
          aria-current={view === item.id ? 'page' : undefined}
          onClick={() => onChange(item.id)}
        >
          {item.label}
        </button>
      ))}
    </nav>
  );
}
