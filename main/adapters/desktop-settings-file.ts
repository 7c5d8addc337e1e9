/**
 * `<dataDir>/desktop.json`: this computer's desktop settings (start at login, the global shortcut), written
 * atomically like profiles.json. A missing or unreadable file reads as the defaults: everything off.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDesktopSettings, type DesktopSettings } from '../core/desktop/desktop-settings';
import { writeFileAtomic } from './profiles-file';

export const DESKTOP_SETTINGS_FILE_NAME = 'desktop.json';

export interface DesktopSettingsFile {
  readonly path: string;
  read(): DesktopSettings;
  write(settings: DesktopSettings): void;
}

export function createDesktopSettingsFile(dataDir: string): DesktopSettingsFile {
  const path = join(dataDir, DESKTOP_SETTINGS_FILE_NAME);
  return {
    path,
    read: () => {
      try {
        return parseDesktopSettings(JSON.parse(readFileSync(path, 'utf8')));
      } catch {
        return parseDesktopSettings({});
      }
    },
    write: (settings) => writeFileAtomic(path, `${JSON.stringify(settings, null, 2)}\n`),
  };
}
