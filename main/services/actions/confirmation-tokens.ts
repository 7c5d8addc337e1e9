/**
 * The window's typed confirmation of an irreversible admin action, checked by main rather than trusted from the
 * renderer. The preview of such an action issues a token: random, single-use, bound to that exact action (kind,
 * target id, new status) and to the text the admin must type (the target's name), and valid for a minute. A run
 * must bring it back with the typed text; anything else (no token, another target, a second use, too late, the
 * wrong name) is refused before a client is built or a request is sent. Tokens live only in main's memory.
 */
import { randomBytes } from 'node:crypto';
import type { AdminAction } from '../../core/actions';

export const CONFIRMATION_TTL_MS = 60_000;
/** Outstanding tokens kept at most; the oldest goes first (a window previews one action at a time). */
const MAX_OUTSTANDING = 32;

export type Redeemed = { ok: true } | { ok: false; reason: string };

export interface ConfirmationTokens {
  /** A new token for this action, and the text that must be typed with it (null: the target has no name). */
  issue(action: AdminAction, confirmText: string | null): string;
  /** Spends the token (whatever the outcome) and says whether it confirms this action with this typed text. */
  redeem(token: string, action: AdminAction, typed: string): Redeemed;
}

interface Issued {
  target: string;
  confirmText: string | null;
  expiresAtMs: number;
}

export function createConfirmationTokens(clock: { now(): number }): ConfirmationTokens {
  const issued = new Map<string, Issued>();
  const dropExpired = () => {
    for (const [token, entry] of issued) if (entry.expiresAtMs <= clock.now()) issued.delete(token);
  };
  return {
    issue(action, confirmText) {
      dropExpired();
      while (issued.size >= MAX_OUTSTANDING) issued.delete(issued.keys().next().value!);
      const token = randomBytes(24).toString('base64url');
      issued.set(token, { target: targetOf(action), confirmText, expiresAtMs: clock.now() + CONFIRMATION_TTL_MS });
      return token;
    },
    redeem(token, action, typed) {
      const entry = issued.get(token);
      issued.delete(token);
      if (!entry)
        return { ok: false, reason: 'This confirmation is unknown or was already used. Start the action again.' };
      if (entry.expiresAtMs <= clock.now())
        return { ok: false, reason: 'This confirmation expired (after a minute). Start the action again.' };
      if (entry.target !== targetOf(action))
        return { ok: false, reason: 'This confirmation was given for another action. Start the action again.' };
      if (entry.confirmText !== null && typed.trim() !== entry.confirmText)
        return { ok: false, reason: `The typed name does not match “${entry.confirmText}”; nothing was changed.` };
      return { ok: true };
    },
  };
}

/** The action with its keys in a fixed order: what a token confirms (the kind, the target's ids, the new value). */
function targetOf(action: AdminAction): string {
  return JSON.stringify(Object.entries(action).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
