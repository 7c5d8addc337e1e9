// The committed icons in assets/ are what main/tools/make-icons.mjs draws, with the sizes and the
// "template image" colouring macOS expects (black on transparent), one per tray state.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { allIcons, TRAY_STATES } from '../../main/tools/make-icons.mjs';

const assets = resolve(__dirname, '..', '..', 'assets');

interface DecodedPng {
  width: number;
  height: number;
  colourType: number;
  pixels: Buffer;
}

// A minimal reader for the PNGs we write (8-bit RGBA, filter 0), enough to check their content.
function decodePng(png: Buffer): DecodedPng {
  expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  let offset = 8;
  let width = 0;
  let height = 0;
  let colourType = -1;
  const data: Buffer[] = [];
  while (offset < png.length) {
    const length = png.readUInt32BE(offset);
    const type = png.toString('ascii', offset + 4, offset + 8);
    const body = png.subarray(offset + 8, offset + 8 + length);
    if (type === 'IHDR') {
      width = body.readUInt32BE(0);
      height = body.readUInt32BE(4);
      colourType = body[9] ?? -1;
    }
    if (type === 'IDAT') data.push(body);
    offset += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(data));
  const pixels = Buffer.alloc(width * height * 4);
  for (let y = 0; y < height; y += 1) {
    expect(raw[y * (width * 4 + 1)]).toBe(0);
    raw.copy(pixels, y * width * 4, y * (width * 4 + 1) + 1, (y + 1) * (width * 4 + 1));
  }
  return { width, height, colourType, pixels };
}

const states = ['idle', 'syncing', 'alert', 'offline'];

describe('tray icons', () => {
  it('covers exactly the four tray states (idle, syncing, alert, offline)', () => {
    expect(Object.keys(TRAY_STATES).sort()).toEqual([...states].sort());
  });

  for (const state of states) {
    for (const [suffix, size] of [
      ['', 16],
      ['@2x', 32],
    ] as const) {
      it(`tray-${state}Template${suffix}.png is ${size}×${size}, black on transparent, partly inked`, () => {
        const png = decodePng(readFileSync(join(assets, `tray-${state}Template${suffix}.png`)));
        expect([png.width, png.height, png.colourType]).toEqual([size, size, 6]);
        let inked = 0;
        for (let i = 0; i < png.pixels.length; i += 4) {
          if (png.pixels[i + 3] === 0) continue;
          inked += 1;
          expect([png.pixels[i], png.pixels[i + 1], png.pixels[i + 2]]).toEqual([0, 0, 0]);
        }
        expect(inked / (size * size)).toBeGreaterThan(0.15);
        expect(inked / (size * size)).toBeLessThan(0.85);
      });
    }
  }

  it('draws each state differently', () => {
    const alphas = states.map((state) =>
      decodePng(readFileSync(join(assets, `tray-${state}Template@2x.png`))).pixels.toString('hex'),
    );
    expect(new Set(alphas).size).toBe(states.length);
  });
});

describe('app icon', () => {
  it('is a 512×512 RGBA PNG for electron-builder', () => {
    const png = decodePng(readFileSync(join(assets, 'icon.png')));
    expect([png.width, png.height, png.colourType]).toEqual([512, 512, 6]);
  });
});

describe('make-icons.mjs', () => {
  it('reproduces the committed files byte for byte (run it after changing a shape)', () => {
    for (const [name, png] of Object.entries(allIcons())) {
      expect(readFileSync(join(assets, name)).equals(png), name).toBe(true);
    }
  });
});
