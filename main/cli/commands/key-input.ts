/**
 * Reading a secret from the terminal without echo, or from a pipe. Part of `clade-admin key set`: the key never comes
 * from an argument, and it is never written back to the terminal.
 */

/** The stdin we need: a readable stream that may be a TTY with raw mode. */
export type KeyInput = NodeJS.ReadableStream & {
  isTTY?: boolean;
  isRaw?: boolean;
  setRawMode?(mode: boolean): unknown;
};

/** A key is ~110 characters; anything beyond this is not a key and is not buffered further. */
const MAX_INPUT_BYTES = 16 * 1024;

/** Reads piped stdin to its end. */
export function readAllStdin(stdin: KeyInput): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer | string) => {
      const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
      size += buffer.length;
      if (size > MAX_INPUT_BYTES) {
        cleanup();
        reject(new Error('standard input is far longer than an Admin key; pipe only the key'));
        return;
      }
      chunks.push(buffer);
    };
    const onEnd = () => {
      cleanup();
      resolve(Buffer.concat(chunks).toString('utf8'));
    };
    const onError = (error: Error) => {
      cleanup();
      reject(error);
    };
    const cleanup = () => {
      stdin.off('data', onData);
      stdin.off('end', onEnd);
      stdin.off('error', onError);
    };
    stdin.on('data', onData);
    stdin.on('end', onEnd);
    stdin.on('error', onError);
    stdin.resume();
  });
}

/**
 * Reads one line from a TTY in raw mode, echoing nothing: Enter ends it, Backspace and Ctrl-U edit it, Ctrl-C
 * cancels, escape sequences (arrow keys, bracketed-paste markers) are dropped. Raw mode is restored in every case.
 */
export function readHiddenLine(
  stdin: KeyInput,
  prompt: { write(text: string): unknown },
  label: string,
): Promise<string> {
  prompt.write(label);
  const wasRaw = stdin.isRaw === true;
  stdin.setRawMode?.(true);
  return new Promise((resolve, reject) => {
    let line = '';
    let inEscape = false;
    const finish = (outcome: () => void) => {
      stdin.off('data', onData);
      stdin.off('end', onEnd);
      stdin.setRawMode?.(wasRaw);
      stdin.pause();
      prompt.write('\n');
      outcome();
    };
    const onEnd = () => finish(() => resolve(line));
    const onData = (chunk: Buffer | string) => {
      for (const ch of typeof chunk === 'string' ? chunk : chunk.toString('utf8')) {
        if (inEscape) {
          // CSI sequences end with a letter or '~'; '[' and parameters continue them.
          if (/[A-Za-z~]/.test(ch)) inEscape = false;
          continue;
        }
        if (ch === '\u001b') inEscape = true;
        else if (ch === '\r' || ch === '\n') return finish(() => resolve(line));
        else if (ch === '\u0003') return finish(() => reject(new Error('cancelled')));
        else if (ch === '\u0004') return finish(() => resolve(line));
        else if (ch === '\u007f' || ch === '\b') line = line.slice(0, -1);
        else if (ch === '\u0015') line = '';
        else if (ch >= ' ') line += ch;
      }
    };
    stdin.on('data', onData);
    stdin.on('end', onEnd);
    stdin.resume();
  });
}
