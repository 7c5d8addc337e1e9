import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import type { CliContext } from '../context';
import { printJson } from '../io';
import { formatAge } from '../format-age';
import { redactSecrets } from '../../core/redact';
import type { ResourceFreshness } from '../../db/repos/status-repo';
import { refuseUnknownProfile } from '../unknown-profile';
import { noMirrorYet } from '../read-mirror';
import { describeSealStatus, readSealStatus } from '../seal-status';

/** `clade-admin status`: what the local mirror holds and how old it is. Reads only the mirror, never the network. */
export function registerStatusCommand(program: Command, context: () => CliContext): void {
  program
    .command('status')
    .description('show what the local mirror of this profile holds and how old it is')
    .action(async () => {
      const ctx = context();
      if (!existsSync(ctx.mirrorFile)) {
        refuseUnknownProfile(ctx);
        const empty = {
          profile: ctx.profileId,
          mirror: null,
          org: null,
          syncedAtMs: null,
          counts: {},
          resources: [],
          compliance: null,
          auditSeal: null,
        };
        if (ctx.json) printJson(ctx.io, empty);
        else ctx.io.stdout.write(`${noMirrorYet(ctx.profileId)}\n`);
        return;
      }
      const { openMirror } = await import('../../db/open');
      const { readMirrorStatus } = await import('../../db/repos/status-repo');
      const { readProfileSetting } = await import('../../db/settings/profile-settings');
      const { nextComplianceProbeAtMs } = await import('../../core/audit/compliance-feed');
      const db = openMirror(ctx.mirrorFile, { readonly: true });
      try {
        const status = readMirrorStatus(db);
        // What the last Compliance API probe learnt: the feed readable, refused (asked again 6 h later or on --full), or not asked yet.
        const probe = readProfileSetting(db, 'compliance.probe');
        const compliance = probe === null ? null : { ...probe, nextProbeAtMs: nextComplianceProbeAtMs(probe) };
        const seal = await readSealStatus(db);
        if (ctx.json) {
          printJson(ctx.io, { profile: ctx.profileId, mirror: ctx.mirrorFile, ...status, compliance, auditSeal: seal });
          return;
        }
        const now = Date.now();
        const lines = [
          `Profile   ${ctx.profileId}`,
          `Org       ${status.org ? `${status.org.name} (${status.org.id})` : '—'}`,
          `Synced    ${status.syncedAtMs ? formatAge(status.syncedAtMs, now) : 'never'}`,
          ...(status.credential?.status === 'invalid'
            ? [
                `Key       REJECTED by the Admin API (${formatAge(status.credential.changedAtMs, now)}): syncing has stopped, local data is kept. Run \`clade-admin key set\`.`,
              ]
            : []),
          `Mirror    ${ctx.mirrorFile}`,
          `Audit     compliance feed ${describeCompliance(compliance, now)}`,
          `Seal      ${describeSealStatus(seal)}`,
          '',
          ...status.resources.flatMap((r) => [
            `  ${r.resource.padEnd(22)} ${String(r.rows).padStart(7)}  ${describeResource(r, now)}`,
            ...r.incompleteDays.map((d) => `    ${d.day} INCOMPLETE: ${d.message}`),
          ]),
        ];
        ctx.io.stdout.write(`${redactSecrets(lines.join('\n'))}\n`);
      } finally {
        db.close();
      }
    });
}

/** A resource's state in one phrase: when it last synced, or why it did not. */
function describeResource(r: ResourceFreshness, now: number): string {
  const synced = r.lastSyncedAtMs === null ? 'never synced' : `synced ${formatAge(r.lastSyncedAtMs, now)}`;
  if (r.status === 'error') return `FAILED in the last sync (${synced}): ${r.detail ?? 'unknown error'}`;
  if (r.status === 'unavailable') return r.detail ?? 'not available for this organization';
  return synced;
}

function describeCompliance(
  probe: { status: string; checkedAtMs: number; nextProbeAtMs: number | null } | null,
  now: number,
): string {
  if (probe === null) return 'not asked yet (the next sync asks)';
  if (probe.status === 'available') return `readable (checked ${formatAge(probe.checkedAtMs, now)})`;
  const next = probe.nextProbeAtMs !== null ? `; asked again after ${new Date(probe.nextProbeAtMs).toISOString()}` : '';
  return `not enabled for this organization (checked ${formatAge(probe.checkedAtMs, now)}${next}); changes come from the sync's journal`;
}
