/**
 * The key items of the checklist. Which keys fail is decided where the alerts decide it: the rotation, dormant and
 * orphaned evaluators (with `keys.rotationDays`, `keys.dormantDays`), and the one key judgement (core/alerts/
 * key-judgement.ts) for the Default Workspace; nothing here has its own threshold for the same rule.
 */
import type { AlertApiKey, AlertRules } from '../../alerts/index';
import { evaluateDormantKeys, evaluateKeyRotation, evaluateOrphanedKeys, judgeKey } from '../../alerts/index';
import { wholeDaysBetween } from '../../alerts/evaluators/shared';
import { environmentsByWorkspace, environmentWords } from '../environments';
import { matchName, parseNameTemplate, slugWords, suggestKeyName } from '../naming';
import type { PostureInputs, PostureItem, PostureSettings } from '../types';
import { workspaceKey } from '../../alerts/index';
import {
  activeKeysOf,
  disableKeyFix,
  failed,
  keyEvidence,
  keyWorkspaceName,
  notApplicable,
  passed,
  shellQuote,
} from './shared';

const NO_KEYS = 'The organization has no active API keys.';

/** Keys the evaluator named, in the inputs' order. */
function keysNamed(inputs: PostureInputs, ids: Iterable<string>): AlertApiKey[] {
  const wanted = new Set(ids);
  return activeKeysOf(inputs).filter((key) => wanted.has(key.id));
}

export function defaultWorkspaceKeysItem(inputs: PostureInputs, rules: AlertRules, nowMs: number): PostureItem {
  const title = 'No active keys in the Default Workspace';
  const active = activeKeysOf(inputs);
  if (active.length === 0) return notApplicable('no-default-workspace-keys', title, NO_KEYS);
  const inDefault = new Set(inputs.defaultWorkspaceKeyIds);
  const offending = active.filter((key) => {
    const facts = { ...key, creatorLeft: false, inDefaultWorkspace: inDefault.has(key.id) };
    return judgeKey(facts, rules, nowMs).verdicts.includes('default-workspace');
  });
  if (offending.length === 0) return passed('no-default-workspace-keys', title);
  return failed(
    'no-default-workspace-keys',
    title,
    offending.map((key) =>
      keyEvidence(
        inputs,
        key,
        'every member of the organization can reach the Default Workspace; keys belong in a named one.',
        disableKeyFix(key, 'create its replacement in a named workspace first'),
      ),
    ),
    {
      label: 'Create each replacement in a named workspace in the Console, then disable these keys',
      command: 'clade-admin keys --verdict default-workspace',
      action: null,
    },
  );
}

export function keyNamingItem(inputs: PostureInputs, rules: AlertRules, settings: PostureSettings): PostureItem {
  const title = `Key names follow ${settings.keyNameTemplate}`;
  const template = parseNameTemplate(settings.keyNameTemplate);
  if (template === null)
    return failed(
      'key-naming',
      title,
      [
        {
          kind: 'setting',
          id: 'posture.keyNameTemplate',
          name: settings.keyNameTemplate,
          detail: 'The template must use {team}, {env} and/or {purpose}, each at most once.',
        },
      ],
      {
        label: 'Set a valid template',
        command: `clade-admin config set posture.keyNameTemplate '{team}-{env}-{purpose}'`,
        action: null,
      },
    );
  const active = activeKeysOf(inputs);
  if (active.length === 0) return notApplicable('key-naming', title, NO_KEYS);
  const envs = environmentsByWorkspace(inputs, rules, settings);
  const envWords = environmentWords(settings);
  const fallbackTeam = slugWords(inputs.alert.org.name)[0] ?? 'team';
  const taken = new Set(inputs.alert.keys.map((key) => key.name));
  const evidence = [];
  for (const key of active) {
    const env = envs.get(workspaceKey(key.workspaceId));
    const envToken = env && env.tokens.length === 1 ? env.tokens[0]! : null;
    const parts = matchName(template, key.name);
    let problem: string | null = null;
    if (parts === null) problem = `“${key.name}” does not follow ${settings.keyNameTemplate}.`;
    else if (envToken !== null && parts.env !== undefined && parts.env !== envToken)
      problem = `“${key.name}” reads as environment “${parts.env}”, but the key lives in a ${env!.names[0]} workspace: its environment part must be “${envToken}”.`;
    if (problem === null) continue;
    const suggestion = unique(
      suggestKeyName(template, key.name, {
        // An organization-scoped key has no workspace: its env part says so.
        workspaceName:
          key.workspaceId === null && inputs.defaultWorkspaceId !== null ? 'org' : keyWorkspaceName(inputs, key),
        envToken,
        envWords,
        fallbackTeam,
      }),
      taken,
    );
    evidence.push(
      keyEvidence(inputs, key, `${problem} Suggested: ${suggestion}`, {
        label: `Rename to ${suggestion}`,
        command: `clade-admin apikey rename ${key.id} ${shellQuote(suggestion)}`,
        action: { kind: 'admin-action', action: { kind: 'apikey.rename', keyId: key.id, name: suggestion } },
      }),
    );
  }
  if (evidence.length === 0) return passed('key-naming', title);
  return failed('key-naming', title, evidence, {
    label: 'Rename each key to its suggested name (the API allows renaming)',
    command: 'clade-admin posture --json',
    action: null,
  });
}

/** The suggestion, or with -2, -3 … appended when another key has (or was just suggested) that name. */
function unique(name: string, taken: Set<string>): string {
  let candidate = name;
  for (let n = 2; taken.has(candidate); n += 1) candidate = `${name}-${n}`;
  taken.add(candidate);
  return candidate;
}

export function keyRotationItem(inputs: PostureInputs, rules: AlertRules, nowMs: number): PostureItem {
  const title = `Keys rotated within ${rules.keys.rotationDays} days`;
  if (activeKeysOf(inputs).length === 0) return notApplicable('key-rotation', title, NO_KEYS);
  const due = keysNamed(
    inputs,
    evaluateKeyRotation(inputs.alert, rules, nowMs).map((c) => c.targetId),
  );
  if (due.length === 0) return passed('key-rotation', title);
  return failed(
    'key-rotation',
    title,
    due.map((key) =>
      keyEvidence(
        inputs,
        key,
        `${wholeDaysBetween(key.createdAtMs, nowMs)} days old, past the ${rules.keys.rotationDays}-day rotation policy.`,
      ),
    ),
    {
      label: 'Create a replacement in the Console, move its users over, then disable the old key',
      command: 'clade-admin keys --verdict rotate-soon',
      action: null,
    },
  );
}

export function keyExpiryItem(inputs: PostureInputs): PostureItem {
  const title = 'Keys have an expiry date';
  const active = activeKeysOf(inputs);
  if (active.length === 0) return notApplicable('key-expiry-set', title, NO_KEYS);
  const open = active.filter((key) => key.expiresAtMs === null);
  if (open.length === 0) return passed('key-expiry-set', title);
  return failed(
    'key-expiry-set',
    title,
    open.map((key) => keyEvidence(inputs, key, 'it never expires.')),
    {
      label: 'The expiry is chosen when a key is created: replace these keys in the Console with expiring ones',
      command: 'clade-admin keys',
      action: null,
    },
  );
}

export function dormantKeysItem(inputs: PostureInputs, rules: AlertRules, nowMs: number): PostureItem {
  const title = `No keys unused for ${rules.keys.dormantDays} days`;
  if (activeKeysOf(inputs).length === 0) return notApplicable('no-dormant-keys', title, NO_KEYS);
  const dormant = keysNamed(
    inputs,
    evaluateDormantKeys(inputs.alert, rules, nowMs).map((c) => c.targetId),
  );
  if (dormant.length === 0) return passed('no-dormant-keys', title);
  return failed(
    'no-dormant-keys',
    title,
    dormant.map((key) =>
      keyEvidence(
        inputs,
        key,
        key.lastUsedDay === null ? 'never used.' : `last used on ${key.lastUsedDay}.`,
        disableKeyFix(key, 'unused'),
      ),
    ),
    { label: 'Disable the unused keys', command: 'clade-admin keys --verdict dormant', action: null },
  );
}

export function orphanedKeysItem(inputs: PostureInputs, rules: AlertRules, nowMs: number): PostureItem {
  const title = 'No keys left behind by people who left';
  const active = activeKeysOf(inputs);
  if (active.length === 0) return notApplicable('no-orphaned-keys', title, NO_KEYS);
  if (!active.some((key) => key.createdByUserId !== null))
    return notApplicable(
      'no-orphaned-keys',
      title,
      'No active key was created by a member (service or legacy keys only).',
    );
  const orphaned = keysNamed(
    inputs,
    evaluateOrphanedKeys(inputs.alert, rules, nowMs).map((c) => c.targetId),
  );
  if (orphaned.length === 0) return passed('no-orphaned-keys', title);
  return failed(
    'no-orphaned-keys',
    title,
    orphaned.map((key) =>
      keyEvidence(inputs, key, 'its creator is no longer a member.', disableKeyFix(key, 'its creator left')),
    ),
    { label: 'Find each key’s owner, or disable it', command: 'clade-admin keys --verdict orphaned', action: null },
  );
}
