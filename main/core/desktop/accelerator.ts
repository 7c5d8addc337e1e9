/**
 * The global shortcut's accelerator, checked before Electron sees it (Electron's own parser throws on nonsense and
 * cannot say why). Grammar from Electron's Accelerator docs: modifiers joined by `+`, then exactly one key code.
 * A global shortcut must hold a modifier other than Shift, so it cannot swallow plain typing in other apps.
 */

const MODIFIERS = new Map<string, string>(
  [
    ['command', 'Command'],
    ['cmd', 'Command'],
    ['control', 'Control'],
    ['ctrl', 'Control'],
    ['commandorcontrol', 'CommandOrControl'],
    ['cmdorctrl', 'CommandOrControl'],
    ['alt', 'Alt'],
    ['option', 'Option'],
    ['altgr', 'AltGr'],
    ['shift', 'Shift'],
    ['super', 'Super'],
    ['meta', 'Meta'],
  ].map(([k, v]) => [k as string, v as string]),
);

const NAMED_KEYS = [
  'Plus',
  'Space',
  'Tab',
  'Capslock',
  'Numlock',
  'Scrolllock',
  'Backspace',
  'Delete',
  'Insert',
  'Return',
  'Enter',
  'Up',
  'Down',
  'Left',
  'Right',
  'Home',
  'End',
  'PageUp',
  'PageDown',
  'Escape',
  'Esc',
  'VolumeUp',
  'VolumeDown',
  'VolumeMute',
  'MediaNextTrack',
  'MediaPreviousTrack',
  'MediaStop',
  'MediaPlayPause',
  'PrintScreen',
  'num0',
  'num1',
  'num2',
  'num3',
  'num4',
  'num5',
  'num6',
  'num7',
  'num8',
  'num9',
  'numdec',
  'numadd',
  'numsub',
  'nummult',
  'numdiv',
];
const KEYS = new Map<string, string>(NAMED_KEYS.map((k) => [k.toLowerCase(), k]));
for (let n = 1; n <= 24; n++) KEYS.set(`f${n}`, `F${n}`);
const PUNCTUATION = new Set([...')!@#$%^&*(:;<=>?,_-.~/`{]}[|\\\'"']);

export type AcceleratorCheck = { ok: true; accelerator: string } | { ok: false; message: string };

/** Validates and normalises ("ctrl+shift+k" → "Control+Shift+K"). */
export function checkAccelerator(text: string): AcceleratorCheck {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: false, message: 'Type a shortcut, for example CommandOrControl+Shift+K.' };
  if (trimmed.length > 60) return { ok: false, message: 'That shortcut is too long.' };
  // "Control++" would name the Plus key as "+"; Electron spells it "Plus".
  const parts = trimmed.split('+').map((p) => p.trim());
  if (parts.some((p) => p === ''))
    return { ok: false, message: `“${trimmed}” has an empty part; write the + key as “Plus”.` };
  const key = parts[parts.length - 1] as string;
  const modifiers: string[] = [];
  for (const part of parts.slice(0, -1)) {
    const modifier = MODIFIERS.get(part.toLowerCase());
    if (!modifier)
      return { ok: false, message: `“${part}” is not a modifier (use Control, Alt, Shift, Super, CommandOrControl…).` };
    if (modifiers.includes(modifier)) return { ok: false, message: `${modifier} is given twice.` };
    modifiers.push(modifier);
  }
  const keyCode = normaliseKey(key);
  if (keyCode === null)
    return { ok: false, message: `“${key}” is not a key Electron knows (a letter, a digit, F1–F24, Space, Up…).` };
  if (!modifiers.some((m) => m !== 'Shift'))
    return {
      ok: false,
      message:
        'A global shortcut needs a modifier such as Control, Alt or CommandOrControl, so it does not take over a key other apps need.',
    };
  return { ok: true, accelerator: [...modifiers, keyCode].join('+') };
}

function normaliseKey(key: string): string | null {
  if (/^[a-z0-9]$/i.test(key)) return key.toUpperCase();
  if (key.length === 1 && PUNCTUATION.has(key)) return key;
  if (MODIFIERS.has(key.toLowerCase())) return null;
  return KEYS.get(key.toLowerCase()) ?? null;
}
