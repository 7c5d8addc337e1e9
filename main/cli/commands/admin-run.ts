/**
 * What every admin-action command shares: resolve the profile's mirror and key, show what will happen, confirm it
 * (y/N on a terminal; the target's name for an irreversible one; `--yes` required without a terminal), run it
 * through adapters/admin-actions (which records it in the audit trail), print the outcome, and set the exit code.
 */
import { createInterface } from 'node:readline/promises';
import { ensureMirrorFile } from '../../adapters/data-dir';
import type { AdminAction } from '../../core/actions';
import { AdminActionSchema } from '../../core/actions';
import { apiBaseUrl } from '../api-base-url';
import type { CliContext } from '../context';
import { DEMO_PROFILE } from '../context';
import { CliError, USAGE_EXIT } from '../errors';
import type { CliIO } from '../io';
import { note, printJson } from '../io';
import { terminalStream } from '../escaping-io';
import { escapeControls } from '../../core/text/escape-controls';
import { sealProfileMirror } from '../audit-seal';

export interface ConfirmOptions {
  yes?: boolean;
}

/** Exit codes: 0 done, 1 the action failed (API refusal, rule), 2 usage (incl. no confirmation), 3 no credential. */
const ACTION_FAILED_EXIT = 1;
const NO_CREDENTIAL_EXIT = 3;

export async function runAdminActionCommand(ctx: CliContext, raw: unknown, options: ConfirmOptions): Promise<void> {
  const parsed = AdminActionSchema.safeParse(raw);
  if (!parsed.success)
    throw new CliError(
      parsed.error.issues.map((i) => `${i.path.join('.') || 'input'}: ${i.message}`).join('; '),
      USAGE_EXIT,
    );
  const action: AdminAction = parsed.data;
  if (ctx.profileId === DEMO_PROFILE && !ctx.envAdminKey) {
    throw new CliError(
      'the demo org lives inside the app; act on it in the window, or use a profile with an admin key (or ANTHROPIC_ADMIN_KEY).',
      NO_CREDENTIAL_EXIT,
    );
  }
  const { openMirror } = await import('../../db/open');
  const { previewAdminAction, runAdminAction, createAdminActionsClient } =
    await import('../../services/actions/run-admin-action');
  const db = openMirror(ensureMirrorFile(ctx.dataDir, ctx.profileId));
  try {
    await sealProfileMirror(ctx, db, 'open');
    const preview = previewAdminAction(db, action);
    // A refused action (role rule, archived key) is not asked about: it is recorded as refused and nothing is sent.
    if (!options.yes && preview.problems.length === 0)
      await confirm(ctx.io, preview.description, preview.irreversible ? preview.confirmText : null);
    const { storedKey } = await import('./sync');
    const outcome = await runAdminAction(
      {
        db,
        client: async () => createAdminActionsClient({ apiKey: await storedKey(ctx), baseURL: await apiBaseUrl(ctx) }),
        now: () => Date.now(),
        via: 'cli',
      },
      action,
    );
    if (ctx.json) printJson(ctx.io, { profile: ctx.profileId, action, ...outcome });
    else if (outcome.ok) note(ctx.io, `${outcome.summary}. Recorded in the audit trail.`);
    else
      note(
        ctx.io,
        `Not done: ${outcome.description}.\n${outcome.error.message}\n(The attempt is recorded in the audit trail.)`,
      );
    if (!outcome.ok) ctx.io.exitCode = outcome.error.code === 'no_credential' ? NO_CREDENTIAL_EXIT : ACTION_FAILED_EXIT;
  } finally {
    db.close();
  }
}

/**
 * y/N on a terminal; an irreversible action asks for the target's name instead. Without a terminal nobody can
 * answer, so only `--yes` lets it through: a script must say it means it.
 */
export async function confirm(io: CliIO, description: string, typeToConfirm: string | null): Promise<void> {
  if (!io.stdin.isTTY) {
    throw new CliError(
      `not confirmed: "${description}" needs confirmation, and standard input is not a terminal. Add --yes to confirm it from a script.`,
      USAGE_EXIT,
    );
  }
  // readline edits the line with terminal sequences of its own: it writes under the escaping layer, so the names in
  // its prompts are escaped here.
  const rl = createInterface({ input: io.stdin, output: terminalStream(io.stderr) as NodeJS.WritableStream });
  try {
    if (typeToConfirm !== null) {
      note(io, `${description}. This cannot be undone.`);
      const typed = await rl.question(`Type "${escapeControls(typeToConfirm)}" to confirm: `);
      if (typed.trim() !== typeToConfirm)
        throw new CliError('not confirmed: the typed name did not match; nothing was changed.', USAGE_EXIT);
      return;
    }
    const answer = await rl.question(`${escapeControls(description)}? [y/N] `);
    if (!/^y(es)?$/i.test(answer.trim())) throw new CliError('cancelled; nothing was changed.', USAGE_EXIT);
  } finally {
    rl.close();
  }
}
