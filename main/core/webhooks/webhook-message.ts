/**
 * The body a team webhook receives, built from an episode, a digest or a test. Every text from the org (names in
 * titles and bodies, the org's name) goes through the redactor and the output sanitiser first, exactly as the
 * desktop notifications do, so a control or bidi character is shown escaped and no key can leave. For Slack, the
 * mrkdwn control characters &, < and > are then escaped as Slack documents (&amp; &lt; &gt;), so a key named
 * `<!channel>` is shown as text and cannot ping a channel, and `<https://evil|Click>` cannot become a link.
 */
import type { Digest, Episode, Severity } from '../alerts/index';
import { severityRank } from '../alerts/index';
import { redactSecrets } from '../redact';
import { escapeControls } from '../text/escape-controls';
import type { WebhookFormat } from './webhook-url';

export interface WebhookContext {
  profileId: string;
  orgName: string;
}

export type WebhookMessage =
  | { kind: 'episode'; episode: Episode }
  /** The rest of a burst, in one post (each episode still counts as delivered once). */
  | { kind: 'summary'; episodes: readonly Episode[] }
  | { kind: 'digest'; digest: Digest }
  | { kind: 'test'; atMs: number };

/** One line of org text, safe to show anywhere. */
export function sanitised(text: string): string {
  return escapeControls(redactSecrets(text));
}

/** Slack's own escaping of its three control characters (api.slack.com "Escaping text"). */
export function slackEscape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

const SEVERITY_MARK: Record<Severity, string> = {
  critical: ':red_circle:',
  warning: ':warning:',
  info: ':information_source:',
};

/** Titles listed in a summary post before "…and N more". */
const SUMMARY_LINES = 20;

interface Lines {
  title: string;
  lines: string[];
  severity: Severity;
}

function linesOf(message: WebhookMessage): Lines {
  switch (message.kind) {
    case 'episode':
      return {
        title: sanitised(message.episode.title),
        lines: [sanitised(message.episode.body)],
        severity: message.episode.severity,
      };
    case 'summary': {
      const shown = message.episodes.slice(0, SUMMARY_LINES);
      const more = message.episodes.length - shown.length;
      return {
        title: `${message.episodes.length} more alerts`,
        lines: [
          ...shown.map((e) => `${e.severity === 'info' ? '' : `[${e.severity}] `}${sanitised(e.title)}`),
          ...(more > 0 ? [`…and ${more} more (see the app or \`clade-admin alerts\`)`] : []),
        ],
        severity: message.episodes.reduce<Severity>(
          (max, e) => (severityRank[e.severity] > severityRank[max] ? e.severity : max),
          'info',
        ),
      };
    }
    case 'digest':
      return {
        title: `Morning digest: ${sanitised(message.digest.title)}`,
        lines: message.digest.lines.map(sanitised),
        severity: worst(message.digest),
      };
    case 'test':
      return {
        title: 'Test message from Clade Admin',
        lines: ['Alerts of this profile will be posted here.'],
        severity: 'info',
      };
  }
}

function worst(digest: Digest): Severity {
  if (digest.counts.critical > 0) return 'critical';
  return digest.counts.warning > 0 ? 'warning' : 'info';
}

/** The JSON body to POST, for the webhook's format. */
export function webhookBody(format: WebhookFormat, message: WebhookMessage, context: WebhookContext): unknown {
  return format === 'slack' ? slackBody(message, context) : jsonBody(message, context);
}

function slackBody(message: WebhookMessage, context: WebhookContext): unknown {
  const { title, lines, severity } = linesOf(message);
  const footer = `Clade Admin · ${sanitised(context.orgName)} (profile ${sanitised(context.profileId)})`;
  const headline = `${SEVERITY_MARK[severity]} *${slackEscape(title)}*`;
  const body = lines.map(slackEscape).join('\n');
  return {
    text: `${headline}\n${body}`,
    blocks: [
      { type: 'section', text: { type: 'mrkdwn', text: `${headline}\n${body}` } },
      { type: 'context', elements: [{ type: 'mrkdwn', text: slackEscape(footer) }] },
    ],
  };
}

function jsonBody(message: WebhookMessage, context: WebhookContext): unknown {
  const { title, lines, severity } = linesOf(message);
  const base = {
    source: 'clade-admin',
    type: message.kind === 'episode' ? 'alert' : message.kind,
    profile: sanitised(context.profileId),
    organization: sanitised(context.orgName),
    severity,
    title,
    text: [title, ...lines].join('\n'),
  };
  if (message.kind === 'episode') return { ...base, alert: alertJson(message.episode) };
  if (message.kind === 'summary') return { ...base, type: 'alerts', alerts: message.episodes.map(alertJson) };
  if (message.kind === 'digest')
    return { ...base, digest: { day: message.digest.localDay, lines, counts: message.digest.counts } };
  return { ...base, sentAt: new Date(message.atMs).toISOString() };
}

/** One episode in the generic JSON body: its rule and target as data, its texts sanitised. */
function alertJson(e: Episode): Record<string, unknown> {
  return {
    id: sanitised(e.id),
    rule: e.rule,
    severity: e.severity,
    targetKind: e.targetKind,
    targetId: sanitised(e.targetId),
    targetName: sanitised(e.targetName),
    title: sanitised(e.title),
    body: sanitised(e.body),
    openedAt: new Date(e.openedAtMs).toISOString(),
  };
}
