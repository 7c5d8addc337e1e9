import { closeSync, existsSync, fsyncSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import type Database from 'better-sqlite3';
import type { AuditHeadFile } from '../../core/audit/head';
import { AUDIT_HEAD_SUFFIX, parseHead, serialiseHead } from '../../core/audit/head';

/**
 * The external chain head lives next to the mirror: `<mirror>.audit-head.json`. In-memory databases have none
 * (null), unless a path is given explicitly.
 */
export function defaultHeadPath(db: Database.Database): string | null {
  const name = db.name;
  if (!name || name === ':memory:' || db.memory) return null;
  return `${name}${AUDIT_HEAD_SUFFIX}`;
}

/** The head file's content; null when it is missing or not one of ours. */
export function readHeadFile(path: string): AuditHeadFile | null {
  if (!existsSync(path)) return null;
  return parseHead(readFileSync(path, 'utf8'));
}

/** Replaces the head file atomically (temp file, fsync, rename), readable by the user only like the mirror. */
export function writeHeadFile(path: string, head: AuditHeadFile): void {
  const temp = `${path}.tmp-${process.pid}`;
  const fd = openSync(temp, 'w', 0o600);
  try {
    writeSync(fd, serialiseHead(head));
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(temp, path);
}
