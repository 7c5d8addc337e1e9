/** Audit search's FTS5 MATCH expression, written so the index can seek (used by search.ts only). */
import type Database from 'better-sqlite3';

/** A word extended by more terms than this stays a prefix query (one doclist merge beats a long OR). */
const MAX_PREFIX_EXPANSION = 32;
const TERMS_TABLE = 'temp.audit_fts_terms';
const termsTableReady = new WeakSet<Database.Database>();

/**
 * The FTS5 MATCH expression for the text terms: what `ftsMatchExpression` means (each term a prefix phrase, ANDed),
 * written so that the index can seek. FTS5 answers a prefix query by merging the doclist of every term under the
 * prefix before it can use any rowid bound: for a word in 80,000 events that costs milliseconds per query, and the
 * walk below needs a bounded query per batch. So a term that is one plain ASCII word (its own single token, folded
 * to lower case by the unicode61 tokenizer) is replaced by the exact terms of the index that start with it, read
 * from a connection-local fts5vocab table: `"prod"*` becomes `"prod"`, `"person42"*` becomes
 * `("person42" OR "person420" OR …)`. The vocabulary is sought from `word0`, the smallest longer token (token
 * characters sort at or above "0"), so the word's own doclist is never read. Other terms keep the prefix form.
 */
export function indexedMatchExpression(db: Database.Database, terms: string[]): string | null {
  const words = terms.filter((term) => /[\p{L}\p{N}]/u.test(term));
  if (!words.length) return null;
  const longer = termsTable(db);
  return words
    .map((term) => {
      const prefix = `"${term.replace(/"/g, '""')}"*`;
      if (!longer || !/^[A-Za-z0-9]+$/.test(term)) return prefix;
      const word = term.toLowerCase();
      const next = `${word.slice(0, -1)}${String.fromCharCode(word.charCodeAt(word.length - 1) + 1)}`;
      const extended = longer.all(`${word}0`, next, MAX_PREFIX_EXPANSION + 1) as string[];
      if (extended.length > MAX_PREFIX_EXPANSION) return prefix;
      return extended.length ? `(${[word, ...extended].map((t) => `"${t}"`).join(' OR ')})` : `"${word}"`;
    })
    .join(' AND ');
}

/** The vocabulary lookup, or null where the temp table cannot be made (the prefix form still answers). */
function termsTable(db: Database.Database): Database.Statement | null {
  try {
    if (!termsTableReady.has(db)) {
      db.exec(`CREATE VIRTUAL TABLE IF NOT EXISTS ${TERMS_TABLE} USING fts5vocab(main, audit_fts, 'row')`);
      termsTableReady.add(db);
    }
    return db.prepare(`SELECT term FROM ${TERMS_TABLE} WHERE term >= ? AND term < ? LIMIT ?`).pluck();
  } catch {
    return null;
  }
}
