import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { escapingIO, terminalStream } from '../../../main/cli/escaping-io';
import type { CliIO } from '../../../main/cli/io';

function capture(): { io: CliIO; out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIO = {
    stdout: { write: (text: string) => out.push(text), isTTY: true },
    stderr: { write: (text: string) => err.push(text) },
    stdin: new PassThrough(),
    env: {},
  };
  return { io, out, err };
}

describe("the CLI's escaping write layer", () => {
  it('escapes control and bidi characters on stdout and stderr, and keeps the line feeds between lines', () => {
    const { io, out, err } = capture();
    const safe = escapingIO(io);
    safe.stdout.write('key ok\u001b[2K\r\u202eALL CLEAR\nnext line\n');
    safe.stderr.write('warning: \u0007\u009b2J\n');
    expect(out).toEqual(['key ok\\u001b[2K\\u000d\\u202eALL CLEAR\nnext line\n']);
    expect(err).toEqual(['warning: \\u0007\\u009b2J\n']);
    expect(safe.stdout.isTTY).toBe(true);
  });

  it('wraps once, shares the exit code, and hands our own terminal control the stream underneath', () => {
    const { io, out } = capture();
    const safe = escapingIO(escapingIO(io));
    safe.stdout.write('\u001b[1m');
    expect(out).toEqual(['\\u001b[1m']);
    safe.exitCode = 2;
    expect(io.exitCode).toBe(2);
    terminalStream(safe.stdout).write('\u001b[1A');
    expect(out[1]).toBe('\u001b[1A');
    expect(terminalStream(io.stdout)).toBe(io.stdout);
  });
});
