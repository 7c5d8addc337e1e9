/**
 * The environment the keychain host starts with: ours (the keychain needs the session's D-Bus address, HOME, the
 * display, …) minus anything that holds an admin key, so no key ever sits in the host's environment (readable in
 * /proc/<pid>/environ) even when ANTHROPIC_ADMIN_KEY is set for this run.
 */
import { redactSecrets } from '../../core/redact';
import { ADMIN_KEY_ENV } from '../../core/vault/resolve-key';

export function hostEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const clean: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(env)) {
    if (value === undefined || name === ADMIN_KEY_ENV || redactSecrets(value) !== value) continue;
    clean[name] = value;
  }
  return clean;
}
