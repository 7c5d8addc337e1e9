/**
 * The first-run screen: what the app does, what an Admin key is and where an org admin creates
 * one, what the app will and will not do with it, and a way straight into the demo org.
 */
import { useEffect, useRef } from 'react';

interface Props {
  onExploreDemo: () => void;
}

export function Onboarding({ onExploreDemo }: Props) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <div className="onboarding">
      <h2 ref={heading} tabIndex={-1}>
        Welcome to Clade Admin
      </h2>
      <p className="lead">
        Clade Admin keeps watch over your company’s Anthropic organization from the tray: its workspaces, members and
        API keys, what they spend, and what needs your attention — readable offline from a copy on this computer.
      </p>

      <section aria-labelledby="onboarding-key">
        <h3 id="onboarding-key">It needs an Admin key</h3>
        <p>
          An Admin key (it starts with <code>sk-ant-admin…</code>) reads your organization’s settings. A regular API key
          (<code>sk-ant-api…</code>) cannot, and will be refused.
        </p>
        <ol>
          <li>
            Open the Claude Console and go to <strong>Settings → Admin keys</strong>.
          </li>
          <li>
            Choose <strong>Create Admin key</strong>. Only organization admins see this page; if you don’t, ask an admin
            of your organization.
          </li>
          <li>
            Paste it in this window under <strong>Settings → Admin key</strong>, or run <code>clade-admin key set</code>{' '}
            in a terminal.
          </li>
        </ol>
      </section>

      <div className="promise-grid">
        <section aria-labelledby="onboarding-will">
          <h3 id="onboarding-will">What Clade Admin will do with it</h3>
          <ul>
            <li>Keep it in your system’s keychain, nowhere else.</li>
            <li>Send it only to api.anthropic.com, to read your organization.</li>
            <li>Check it once when you connect it, and tell you which organization it belongs to.</li>
          </ul>
        </section>
        <section aria-labelledby="onboarding-wont">
          <h3 id="onboarding-wont">What it will never do</h3>
          <ul>
            <li>Show the key again, or write it to a file, a log, a notification or an export.</li>
            <li>Send it to any other server, or share your data with anyone.</li>
            <li>Change anything in your organization on its own.</li>
          </ul>
        </section>
      </div>

      <div className="onboarding-actions">
        <button type="button" className="primary" onClick={onExploreDemo}>
          Explore the demo org
        </button>
        <p className="muted">A generated organization served by a built-in simulator: nothing leaves this computer.</p>
      </div>
    </div>
  );
}
