/**
 * The XDG autostart entry that starts the app at login on Linux (the Desktop Application Autostart
 * Specification: a `.desktop` file in `$XDG_CONFIG_HOME/autostart`). Pure text building; app/login-item.ts writes
 * and removes the file.
 *
 * `Exec` follows the Desktop Entry Specification: an argument holding a reserved character is double-quoted, and
 * inside the quotes `"`, `` ` ``, `$` and `\` take a backslash; the string-value escape rule then doubles every
 * backslash, and a literal `%` is written `%%` (a lone `%` starts a field code).
 */

/** The file name under the autostart folder: the app's id, so it is ours to write and remove. */
export const AUTOSTART_FILE_NAME = 'clade-admin.desktop';

/** The argument the login entry passes: the app starts in the tray without opening its window. */
export const START_HIDDEN_ARG = '--hidden';

const RESERVED = /[\s"'\\><~|&;$*?#()`]/;

/** One Exec argument, quoted when it must be. Throws on characters no desktop file can carry (line breaks, NUL). */
export function quoteExecArg(arg: string): string {
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(arg)) throw new Error('an autostart command cannot hold control characters');
  const percent = arg.replace(/%/g, '%%');
  if (arg !== '' && !RESERVED.test(arg)) return percent;
  const quoted = `"${percent.replace(/["`$\\]/g, (c) => `\\${c}`)}"`;
  // The string-value escape rule comes on top: each backslash of the quoted form is written twice.
  return quoted.replace(/\\/g, '\\\\');
}

export interface AutostartEntryInput {
  /** What to run: `$APPIMAGE` for an AppImage (its execPath is a temporary mount), else the executable. */
  executable: string;
  args?: readonly string[];
  name?: string;
}

export function autostartEntry(input: AutostartEntryInput): string {
  const exec = [input.executable, ...(input.args ?? [START_HIDDEN_ARG])].map(quoteExecArg).join(' ');
  return [
    '[Desktop Entry]',
    'Type=Application',
    'Version=1.0',
    `Name=${input.name ?? 'Clade Admin'}`,
    'Comment=Watches your Anthropic organization from the tray',
    `Exec=${exec}`,
    'Terminal=false',
    'X-GNOME-Autostart-enabled=true',
    '',
  ].join('\n');
}

/** Which executable the entry runs: the AppImage file when the app runs from one, else the running executable. */
export function autostartExecutable(env: Record<string, string | undefined>, execPath: string): string {
  const appImage = env.APPIMAGE?.trim();
  return appImage ? appImage : execPath;
}
