/**
 * A mirror file SQLite cannot read, made the way a failing disk or an interrupted copy would leave one: a real,
 * migrated mirror whose pages after the header page are scrambled (the header still says "SQLite format 3").
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { openMirror } from '../../main/db/open';

export function writeDamagedMirror(file: string): void {
  mkdirSync(dirname(file), { recursive: true });
  openMirror(file).close();
  const bytes = readFileSync(file);
  for (let i = 4096; i < bytes.length; i++) bytes[i] = (i * 131) & 0xff;
  writeFileSync(file, bytes);
}
