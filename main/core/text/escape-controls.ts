/**
 * THE output sanitiser: every text a person reads (CLI lines, notifications, tray labels, log lines, and any
 * future webhook text) passes through it, because names, emails and summaries come from org members and the API.
 * A member who names a key `ok␛[2K␍␛[32mALL CLEAR` must not be able to erase and forge lines in the admin's
 * terminal or cron mail, and a right-to-left override must not reorder what the admin reads.
 *
 * What is unsafe is Unicode's own definition, not a hand-kept list: every control character (Cc: C0, DEL, C1,
 * so ESC, CSI, CR, NUL, BEL, TAB, LF), every bidirectional formatting character (Bidi_Control: LRM/RLM/ALM and the
 * embeddings, overrides and isolates) and the line and paragraph separators (Zl, Zp) some terminals break on.
 * Each is SHOWN, never interpreted: written as its JSON escape `\uXXXX`, so the admin sees that it is there.
 * The same escape keeps a JSON document that passes through meaning exactly what it meant (`"\u202e"` is valid
 * JSON for the same character), which is what lets the CLI apply it to all of its output. Escaping is idempotent:
 * an escaped text holds no unsafe character, so a second pass changes nothing. Backslashes are left alone: a
 * literal `\u001b` in a name looks like an escape but is four harmless characters either way.
 */
const UNSAFE = /[\p{Cc}\p{Bidi_Control}\p{Zl}\p{Zp}]/gu;

function escapeOne(char: string): string {
  return `\\u${char.codePointAt(0)!.toString(16).padStart(4, '0')}`;
}

/** For a text that is one line by design (a name, a title, a label): every unsafe character is escaped, LF too. */
export function escapeControls(text: string): string {
  return text.replace(UNSAFE, escapeOne);
}

/**
 * For a block that the caller built from lines (a report, a notification body listing titles): the caller's own
 * line feeds stay line feeds; every other unsafe character is escaped. An org text with a line feed in it can
 * only be caught where it is known to be one line, so callers escape such fields with `escapeControls` first.
 */
export function escapeControlsKeepingLines(text: string): string {
  return text.replace(UNSAFE, (char) => (char === '\n' ? char : escapeOne(char)));
}
