import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeControls, escapeControlsKeepingLines } from '../../../../main/core/text/escape-controls';

/** Anything a terminal or a text renderer would obey rather than show. */
const UNSAFE = /[\p{Cc}\p{Bidi_Control}\u2028\u2029]/u;

describe('the output sanitiser', () => {
  it.each([
    ['ok\u001b[2K\r\u001b[32mALL CLEAR', 'ok\\u001b[2K\\u000d\\u001b[32mALL CLEAR'],
    ['nul\u0000bel\u0007tab\tdel\u007f', 'nul\\u0000bel\\u0007tab\\u0009del\\u007f'],
    ['c1 csi\u009b2J nel\u0085', 'c1 csi\\u009b2J nel\\u0085'],
    ['invoice\u202egpj.exe', 'invoice\\u202egpj.exe'],
    ['\u2066isolate\u2069 \u200fmark\u200e \u061calm', '\\u2066isolate\\u2069 \\u200fmark\\u200e \\u061calm'],
    ['line\u2028para\u2029', 'line\\u2028para\\u2029'],
    ['two\nlines', 'two\\u000alines'],
    ['Ünïcödé, emoji 👩‍💻 and “quotes” stay', 'Ünïcödé, emoji 👩‍💻 and “quotes” stay'],
  ])('shows %j as %j', (text, shown) => {
    expect(escapeControls(text)).toBe(shown);
  });

  it('keeps the caller’s line feeds in a block, and escapes everything else', () => {
    expect(escapeControlsKeepingLines('a\u001b[1A\nb\r\n')).toBe('a\\u001b[1A\nb\\u000d\n');
  });

  it('leaves nothing to obey, is idempotent, and keeps a JSON document meaning the same', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        const once = escapeControls(text);
        expect(UNSAFE.test(once)).toBe(false);
        expect(escapeControls(once)).toBe(once);
        const json = JSON.stringify({ name: text }, null, 2);
        expect(JSON.parse(escapeControlsKeepingLines(json))).toEqual({ name: text });
      }),
      { seed: 19, numRuns: 500 },
    );
  });
});
