/**
 * The CLI's write layer: every byte a command prints goes through the output sanitiser
 * (core/text/escape-controls.ts), so no command can forget it. Org text (key, workspace and user names, emails,
 * summaries) reaches many lines through many formatters; this layer is the one place all of them pass.
 *
 * Why here, and why it keeps line feeds: at this layer a write is a block of lines that a formatter joined, and
 * our own markup in it is only the line feed (the CLI prints no colours). So every other control character and
 * every bidi override is org text, and is escaped; line feeds stay. A line feed INSIDE an org text can only be
 * told apart where that text is known to be one line, so the formatters of `check`, `alerts` and `audit search`
 * escape those fields whole as well. `--json` output passes too and still parses to the same values: the escape
 * is JSON's own `\uXXXX`, and JSON.stringify never leaves a raw control character outside a string.
 *
 * The live progress block and readline's line editing write terminal control sequences of their own: they write
 * to `terminalStream(stream)`, the stream under this layer, and escape the texts they put in it themselves.
 */
import { escapeControlsKeepingLines } from '../core/text/escape-controls';
import type { CliIO } from './io';

type OutputStream = CliIO['stdout'];

const UNESCAPED = Symbol('the stream under the escaping layer');

interface EscapingStream extends OutputStream {
  readonly [UNESCAPED]: OutputStream;
}

function isEscaping(stream: OutputStream): stream is EscapingStream {
  return UNESCAPED in stream;
}

function escaping(stream: OutputStream): EscapingStream {
  if (isEscaping(stream)) return stream;
  return {
    write: (text: string) => stream.write(escapeControlsKeepingLines(String(text))),
    get isTTY() {
      return stream.isTTY;
    },
    [UNESCAPED]: stream,
  };
}

/** The same io with stdout and stderr escaped; exit code shared with the original. Wrapping twice is one wrap. */
export function escapingIO(io: CliIO): CliIO {
  return {
    stdout: escaping(io.stdout),
    stderr: escaping(io.stderr),
    stdin: io.stdin,
    env: io.env,
    get exitCode() {
      return io.exitCode;
    },
    set exitCode(code) {
      io.exitCode = code;
    },
  };
}

/**
 * The stream under the escaping layer, for writers of terminal control of our own (log-update, readline). Whatever
 * text they show must be escaped by them: only their own sequences may reach the terminal raw.
 */
export function terminalStream(stream: OutputStream): OutputStream {
  return isEscaping(stream) ? stream[UNESCAPED] : stream;
}
