/**
 * The key naming convention: a template such as `{team}-{env}-{purpose}` turned into a matcher, and a conforming
 * name suggested for a key from its workspace and its current name. Names are lower-case words of letters and digits;
 * only `{purpose}` may hold several words (joined by hyphens), so the parts can be told apart again.
 */

export const PLACEHOLDERS = ['team', 'env', 'purpose'] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];

const PART: Readonly<Record<Placeholder, string>> = {
  team: '([a-z0-9]+)',
  env: '([a-z0-9]+)',
  purpose: '([a-z0-9]+(?:-[a-z0-9]+)*)',
};

export interface NameTemplate {
  template: string;
  regex: RegExp;
  /** The placeholders in the order they appear (capture groups). */
  order: Placeholder[];
}

/** Null when the template has an unknown or repeated placeholder, or none at all. */
export function parseNameTemplate(template: string): NameTemplate | null {
  const order: Placeholder[] = [];
  let source = '';
  let rest = template;
  while (rest.length > 0) {
    const match = /\{([^}]*)\}/.exec(rest);
    const literal = match ? rest.slice(0, match.index) : rest;
    source += literal.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    if (!match) break;
    const name = match[1] as Placeholder;
    if (!PLACEHOLDERS.includes(name) || order.includes(name)) return null;
    order.push(name);
    source += PART[name];
    rest = rest.slice(match.index + match[0].length);
  }
  if (order.length === 0) return null;
  return { template, regex: new RegExp(`^${source}$`), order };
}

/** The parts of a conforming name, or null when it does not match the template. */
export function matchName(template: NameTemplate, name: string): Partial<Record<Placeholder, string>> | null {
  const match = template.regex.exec(name);
  if (!match) return null;
  const parts: Partial<Record<Placeholder, string>> = {};
  template.order.forEach((placeholder, i) => (parts[placeholder] = match[i + 1]));
  return parts;
}

/** Lower-case words of letters and digits joined by hyphens ("Alice's Laptop (old)" → "alices-laptop-old"). */
export function slugWords(text: string): string[] {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/['’]/g, '')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((word) => word.length > 0);
}

export function renderName(template: NameTemplate, parts: Record<Placeholder, string>): string {
  return template.template.replace(/\{(team|env|purpose)\}/g, (_, name: Placeholder) => parts[name]);
}

export interface SuggestionContext {
  /** Words of the key's workspace name ("Search Production" → search, production). */
  workspaceName: string;
  /** The workspace's environment token when it has exactly one ("prod"); null otherwise. */
  envToken: string | null;
  /** Every environment token and the words that name one (prod, production, staging, dev, …): never a purpose. */
  envWords: ReadonlySet<string>;
  /** The team when the workspace names none (the org's first word). */
  fallbackTeam: string;
}

const FILLER = new Set(['workspace', 'default', 'key', 'new']);

/**
 * A conforming name. In an environment's workspace: team = the workspace's other words ("Search Production" →
 * search) or the org's, env = that environment's token. In any other workspace ("Research"): team = the org's,
 * env = an environment the key's name states, else the workspace's name. Purpose = what is left of the key's name.
 */
export function suggestKeyName(template: NameTemplate, keyName: string, context: SuggestionContext): string {
  const wsWords = slugWords(context.workspaceName).filter((w) => !context.envWords.has(w) && !FILLER.has(w));
  const fallbackTeam = context.fallbackTeam || 'team';
  const team = context.envToken !== null ? wsWords.join('') || fallbackTeam : fallbackTeam;
  const keyWords = slugWords(keyName);
  const envFromName = keyWords.find((w) => context.envWords.has(w)) ?? null;
  const env = context.envToken ?? envFromName ?? (wsWords.join('') || 'default');
  const purposeWords = keyWords.filter((w) => !context.envWords.has(w) && w !== team && !FILLER.has(w));
  const purpose = purposeWords.join('-') || (keyWords.includes('key') ? 'key' : 'service');
  return renderName(template, { team, env, purpose });
}
