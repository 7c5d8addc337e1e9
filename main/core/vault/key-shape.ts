/**
 * The shape check for a pasted Admin API key (admin-api.md §1.1). Many admins try a regular API key first, so the
 * refusal explains what an Admin key is and where to get one. Only the shape is checked here; the API decides whether
 * the key is valid.
 */
import { InvalidAdminKeyError, type AdminKeyShapeProblem } from './errors';

export type AdminKeyShapeCheck =
  { ok: true; key: string } | { ok: false; problem: AdminKeyShapeProblem; message: string };

/** What an Admin key is and where it comes from; appended to every refusal. */
export const ADMIN_KEY_EXPLAINER =
  'An Admin API key starts with "sk-ant-admin". It manages the organization (members, workspaces, API keys, usage and cost) ' +
  'and cannot call models. Only organization admins can create one: Claude Console → Settings → Admin keys.';

/** Base64url plus the dashes that separate the prefix, body and checksum; no spaces or other characters. */
const ADMIN_KEY = /^sk-ant-admin[0-9]*-[A-Za-z0-9_-]{20,}$/;

/**
 * Trims what a paste brings along (spaces, newlines, a trailing CR, surrounding quotes) and checks the shape.
 * Never echoes the key in its message.
 */
export function checkAdminKeyShape(input: string): AdminKeyShapeCheck {
  const key = normalizePastedKey(input);
  if (key === '') return refuse('empty', `No key was given. ${ADMIN_KEY_EXPLAINER}`);
  if (ADMIN_KEY.test(key)) return { ok: true, key };
  if (/^sk-ant-admin/.test(key)) {
    return refuse(
      'malformed',
      `This looks like an Admin key but is incomplete or contains stray characters; copy it again in full. ${ADMIN_KEY_EXPLAINER}`,
    );
  }
  if (/^sk-ant-api/.test(key)) {
    return refuse(
      'api-key',
      `This is a regular API key (sk-ant-api…), which calls models but cannot read or manage the organization. ${ADMIN_KEY_EXPLAINER}`,
    );
  }
  if (/^sk-ant-/.test(key)) {
    return refuse(
      'other-anthropic-credential',
      `This Anthropic credential is not an Admin API key. ${ADMIN_KEY_EXPLAINER}`,
    );
  }
  return refuse('not-an-anthropic-key', `This is not an Anthropic key. ${ADMIN_KEY_EXPLAINER}`);
}

/** Like checkAdminKeyShape, but throws InvalidAdminKeyError; returns the normalized key. */
export function assertAdminKeyShape(input: string): string {
  const checked = checkAdminKeyShape(input);
  if (!checked.ok) throw new InvalidAdminKeyError(checked.problem, checked.message);
  return checked.key;
}

export function normalizePastedKey(input: string): string {
  let key = input.trim();
  const quoted = /^(["'`])(.*)\1$/s.exec(key);
  if (quoted) key = (quoted[2] ?? '').trim();
  return key;
}

function refuse(problem: AdminKeyShapeProblem, message: string): AdminKeyShapeCheck {
  return { ok: false, problem, message };
}
