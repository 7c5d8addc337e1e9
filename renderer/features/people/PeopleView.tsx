/**
 * People: who is in the org (Members) and who is invited (Invites), two tabs over one read (`people.list()`).
 * A navigation target from main (an alert about an invite or a member) opens the right tab and marks the row.
 * Actions go through the one confirmation dialog and reload the list when they end.
 */
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { usePeopleStore } from '../../stores/usePeopleStore';
import { useUiStore } from '../../stores/useUiStore';
import { LoadState } from '../shell/LoadState';
import { ConfirmActionDialog } from '../actions/ConfirmActionDialog';
import { OffboardDialog } from '../offboarding/OffboardDialog';
import { MembersTable } from './MembersTable';
import { MemberDetail } from './MemberDetail';
import { InvitesTable } from './InvitesTable';
import './people.css';

type Tab = 'members' | 'invites';
const TABS: Tab[] = ['members', 'invites'];

export function PeopleView() {
  const { status, people, error, load } = usePeopleStore();
  const target = useUiStore((state) => state.navigationTarget);
  const [tab, setTab] = useState<Tab>(target?.startsWith('invite_') ? 'invites' : 'members');
  const [openId, setOpenId] = useState<string | null>(target?.startsWith('user_') ? target : null);
  const tabRefs = useRef<Record<Tab, HTMLButtonElement | null>>({ members: null, invites: null });
  useEffect(() => {
    void load();
  }, [load]);
  useEffect(() => {
    if (target?.startsWith('invite_')) setTab('invites');
    else if (target?.startsWith('user_')) {
      setTab('members');
      setOpenId(target);
    }
  }, [target]);

  const opened = people.members.find((person) => person.id === openId) ?? null;
  const pending = people.invites.filter((invite) => invite.status === 'pending').length;
  const reload = () => void load();
  // Arrow keys move between the tabs (the ARIA tabs pattern); Tab goes on into the open panel.
  const onTabKey = (event: KeyboardEvent) => {
    if (event.key !== 'ArrowRight' && event.key !== 'ArrowLeft') return;
    const next = TABS[(TABS.indexOf(tab) + 1) % TABS.length]!;
    setTab(next);
    tabRefs.current[next]?.focus();
  };
  const tabButton = (id: Tab, label: string) => (
    <button
      type="button"
      role="tab"
      id={`people-tab-${id}`}
      aria-selected={tab === id}
      aria-controls={`people-panel-${id}`}
      tabIndex={tab === id ? 0 : -1}
      ref={(element) => {
        tabRefs.current[id] = element;
      }}
      onClick={() => setTab(id)}
      onKeyDown={onTabKey}
    >
      {label}
    </button>
  );
  return (
    <LoadState status={status} error={error} onRetry={reload}>
      <div className="people">
        <div className="view-title">
          <h2>People</h2>
        </div>
        <div className="tabs" role="tablist" aria-label="People">
          {tabButton('members', `Members (${people.members.length})`)}
          {tabButton('invites', `Invites (${pending} pending)`)}
        </div>
        <div role="tabpanel" id={`people-panel-${tab}`} aria-labelledby={`people-tab-${tab}`}>
          {tab === 'members' ? (
            <>
              <MembersTable members={people.members} openId={openId} onOpen={setOpenId} />
              {opened && (
                <MemberDetail key={opened.id} person={opened} onClose={() => setOpenId(null)} onChanged={reload} />
              )}
            </>
          ) : (
            <InvitesTable invites={people.invites} focusId={target} onChanged={reload} />
          )}
        </div>
        <ConfirmActionDialog />
        <OffboardDialog />
      </div>
    </LoadState>
  );
}
