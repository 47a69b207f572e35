// Answers of national reads that change rarely, kept per ReadRevision (as the figures are kept per
// FiguresRevision, figures/figures-cache.ts). Triggers of the migration read_revisions raise a
// read's revision when a transaction that writes its data commits. A request reads the revision
// first; what is loaded after that read is at least as new as it, so no request is answered from
// data older than the last write committed before it started.
import type { Database } from "@homestart/db";

/** The reads kept this way, by their ReadRevision row, with how many answers each keeps. */
const MAX_ENTRIES = { visitatie_planner: 16, match_volunteers: 256, eligibility_facts: 1024 } as const;
export type CachedRead = keyof typeof MAX_ENTRIES;

class RevisionCache {
  /** key → the answer (loading or loaded) under the newest revision seen; oldest first. */
  readonly #entries = new Map<string, Promise<unknown>>();
  #newest = -1n;

  constructor(
    readonly read: CachedRead,
    readonly maxEntries: number,
  ) {}

  async get<T>(db: Database, key: string, load: () => Promise<T>): Promise<T> {
    const [row] = await db.query<{ revision: string }>(`SELECT "revision"::text AS "revision" FROM "ReadRevision" WHERE "name" = $1`, [
      this.read,
    ]);
    // Without the row (a database emptied by hand) nothing is cached; a request that read an
    // older revision than one already seen (a commit happened in between) loads on its own.
    const revision = row ? BigInt(row.revision) : null;
    if (revision === null || revision < this.#newest) return load();
    if (revision > this.#newest) {
      this.#newest = revision;
      this.#entries.clear();
    }
    const hit = this.#entries.get(key);
    if (hit) {
      this.#entries.delete(key);
      this.#entries.set(key, hit);
      return hit as Promise<T>;
    }
    const loading = load();
    this.#entries.set(key, loading);
    loading.catch(() => this.#entries.delete(key));
    while (this.#entries.size > this.maxEntries) this.#entries.delete(this.#entries.keys().next().value as string);
    return loading;
  }
}

const caches = new WeakMap<Database, Map<CachedRead, RevisionCache>>();

/**
 * The answer for `key` of the read, loaded at most once per revision and process (concurrent
 * requests share one load). The answer is shared between requests: do not modify it.
 */
export function cachedRead<T>(db: Database, read: CachedRead, key: string, load: () => Promise<T>): Promise<T> {
  let perDatabase = caches.get(db);
  if (!perDatabase) {
    perDatabase = new Map();
    caches.set(db, perDatabase);
  }
  let cache = perDatabase.get(read);
  if (!cache) {
    cache = new RevisionCache(read, MAX_ENTRIES[read]);
    perDatabase.set(read, cache);
  }
  return cache.get(db, key, load);
}
