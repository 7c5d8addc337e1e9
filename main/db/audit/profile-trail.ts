/**
 * Writes to a profile's own trail when the caller has no open mirror for it (the CLI's key commands, the window's
 * key handler while it shows the demo org): opens the profile's mirror (creating and migrating it if there is none
 * yet), writes (which may first await the profile's audit seal), closes. The trail always lives in the mirror of the profile the action was about.
 */
import { openMirror, type MirrorDb } from '../open';

export async function withProfileTrail<T>(mirrorFile: string, write: (db: MirrorDb) => T | Promise<T>): Promise<T> {
  const db = openMirror(mirrorFile);
  try {
    return await write(db);
  } finally {
    db.close();
  }
}
