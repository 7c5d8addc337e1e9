// Draws the app's icons into assets/ with nothing but node:zlib (PNG written by hand: IHDR/IDAT/IEND).
//
//   node main/tools/make-icons.mjs        (re)writes assets/*.png; test/tools/icons.test.ts checks they are current
//
// Tray icons are macOS "template" images: black on transparent, only the alpha matters, 16×16 and
// @2x 32×32. The glyph is a rounded "C"; syncing turns its upper end into an arrow (a refresh sign),
// alert adds a dot, offline strikes it through. icon.png (512×512) is the app icon for electron-builder.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import { isMainModule, projectRoot } from './lib/project.mjs';

// ---- PNG encoding -------------------------------------------------------------------------------
const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buffer) {
  let crc = 0xffffffff;
  for (const byte of buffer) crc = CRC_TABLE[(crc ^ byte) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** Encodes RGBA pixels (Uint8Array, width*height*4) as an 8-bit RGBA PNG. */
export function encodePng(width, height, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 6, 0, 0, 0], 8); // bit depth 8, colour type 6 (RGBA), deflate, no filter method, no interlace
  const raw = Buffer.alloc(height * (width * 4 + 1));
  for (let y = 0; y < height; y += 1) {
    raw[y * (width * 4 + 1)] = 0; // filter: none
    Buffer.from(rgba.buffer, rgba.byteOffset + y * width * 4, width * 4).copy(raw, y * (width * 4 + 1) + 1);
  }
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([
    signature,
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

// ---- Shapes in unit coordinates (0..1, y down) ---------------------------------------------------
const OUTER = 0.44;
const INNER = 0.25;
const GAP = 0.72; // half-opening of the C, radians, centred on the right
const MID = (OUTER + INNER) / 2;
const STROKE = (OUTER - INNER) / 2;

const distance = (x1, y1, x2, y2) => Math.hypot(x1 - x2, y1 - y2);
const endPoint = (angle) => [0.5 + MID * Math.cos(angle), 0.5 + MID * Math.sin(angle)];

function inArc(x, y) {
  const r = distance(x, y, 0.5, 0.5);
  return r >= INNER && r <= OUTER && Math.abs(Math.atan2(y - 0.5, x - 0.5)) >= GAP;
}

function inCap(x, y, angle) {
  const [cx, cy] = endPoint(angle);
  return distance(x, y, cx, cy) <= STROKE;
}

/** Arrowhead at the C's upper end, pointing clockwise along the ring (a "refresh" arrow). */
function inArrowhead(x, y) {
  const angle = -GAP;
  const [cx, cy] = endPoint(angle);
  const tx = -Math.sin(angle); // clockwise tangent (y down)
  const ty = Math.cos(angle);
  const along = (x - cx) * tx + (y - cy) * ty; // distance forward from the end
  const across = Math.abs((x - cx) * -ty + (y - cy) * tx);
  const length = 0.24;
  const halfBase = 0.2;
  return along >= -0.02 && along <= length && across <= halfBase * (1 - along / length);
}

function distanceToSegment(x, y, [ax, ay], [bx, by]) {
  const t = Math.max(0, Math.min(1, ((x - ax) * (bx - ax) + (y - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2)));
  return distance(x, y, ax + t * (bx - ax), ay + t * (by - ay));
}

const DOT = { x: 0.8, y: 0.2, r: 0.17, moat: 0.26 };
const SLASH = { from: [0.1, 0.1], to: [0.9, 0.9], half: 0.07, moat: 0.15 };

/** Whether the point is inked, per tray state. */
export const TRAY_STATES = {
  idle: (x, y) => inArc(x, y) || inCap(x, y, GAP) || inCap(x, y, -GAP),
  syncing: (x, y) => inArc(x, y) || inCap(x, y, GAP) || inArrowhead(x, y),
  alert: (x, y) => {
    const fromDot = distance(x, y, DOT.x, DOT.y);
    if (fromDot <= DOT.r) return true;
    if (fromDot <= DOT.moat) return false; // a transparent ring keeps the dot readable at 16 px
    return TRAY_STATES.idle(x, y);
  },
  offline: (x, y) => {
    const fromSlash = distanceToSegment(x, y, SLASH.from, SLASH.to);
    if (fromSlash <= SLASH.half) return true;
    if (fromSlash <= SLASH.moat) return false;
    return TRAY_STATES.idle(x, y);
  },
};

// ---- Rasterising (4×4 supersampling for smooth edges) --------------------------------------------
const SAMPLES = 4;

/** Renders a colour function (x, y) → [r, g, b, a] | null over size×size pixels, antialiased. */
export function rasterize(size, colourAt) {
  const rgba = new Uint8Array(size * size * 4);
  for (let py = 0; py < size; py += 1) {
    for (let px = 0; px < size; px += 1) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < SAMPLES; sy += 1) {
        for (let sx = 0; sx < SAMPLES; sx += 1) {
          const colour = colourAt((px + (sx + 0.5) / SAMPLES) / size, (py + (sy + 0.5) / SAMPLES) / size);
          if (!colour) continue;
          r += colour[0] * colour[3];
          g += colour[1] * colour[3];
          b += colour[2] * colour[3];
          a += colour[3];
        }
      }
      const i = (py * size + px) * 4;
      if (a > 0) rgba.set([Math.round(r / a), Math.round(g / a), Math.round(b / a)], i);
      rgba[i + 3] = Math.round(a / (SAMPLES * SAMPLES));
    }
  }
  return rgba;
}

export function trayIcon(state, size) {
  const inked = TRAY_STATES[state];
  return encodePng(
    size,
    size,
    rasterize(size, (x, y) => (inked(x, y) ? [0, 0, 0, 255] : null)),
  );
}

const CLAY = [201, 100, 66, 255];
const WHITE = [255, 255, 255, 255];

function inRoundedSquare(x, y, margin, radius) {
  const qx = Math.max(Math.abs(x - 0.5) - (0.5 - margin - radius), 0);
  const qy = Math.max(Math.abs(y - 0.5) - (0.5 - margin - radius), 0);
  return Math.hypot(qx, qy) <= radius;
}

/** The app icon: a white C on a clay rounded square. */
export function appIcon(size) {
  const glyphScale = 0.62;
  return encodePng(
    size,
    size,
    rasterize(size, (x, y) => {
      if (!inRoundedSquare(x, y, 0.06, 0.2)) return null;
      const gx = (x - 0.5) / glyphScale + 0.5;
      const gy = (y - 0.5) / glyphScale + 0.5;
      return TRAY_STATES.idle(gx, gy) ? WHITE : CLAY;
    }),
  );
}

/** Every icon file, name → PNG bytes. */
export function allIcons() {
  const icons = { 'icon.png': appIcon(512) };
  for (const state of Object.keys(TRAY_STATES)) {
    icons[`tray-${state}Template.png`] = trayIcon(state, 16);
    icons[`tray-${state}Template@2x.png`] = trayIcon(state, 32);
  }
  return icons;
}

if (isMainModule(import.meta.url)) {
  const dir = join(projectRoot, 'assets');
  mkdirSync(dir, { recursive: true });
  for (const [name, png] of Object.entries(allIcons())) {
    writeFileSync(join(dir, name), png);
    console.log(`assets/${name} (${png.length} bytes)`);
  }
}
