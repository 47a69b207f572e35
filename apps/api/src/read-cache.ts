// Answers of national reads that change rarely, kept per ReadRevision (as the figures are kept per
// FiguresRevision, figures/figures-cache.ts). Triggers of the migration read_revisions raise a
// read's revision when a transaction that writes its data commits. A request reads the revision
// first; what is loaded after that read is at least as new as it, so no request is answered from
// data older than the last write committed before it started.
import type { ApolloServerPlugin } from "@apollo/server";
import type { Database } from "@homestart/db";
import type { Context } from "./context.ts";

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

  async get<T>(ctx: RevisionSource, key: string, load: () => Promise<T>): Promise<T> {
    const text = (await revisionsOf(ctx, [this.read])).get(this.read) ?? null;
    // Without the row (a database emptied by hand) nothing is cached; a request that read an
    // older revision than one already seen (a commit happened in between) loads on its own.
    const revision = text === null ? null : BigInt(text);
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

/** Where a request finds its revisions: the rows read with its session, else the database. */
export type RevisionSource = Pick<Context, "db" | "readRevisions">;

/**
 * Keeps the revisions read with the session for queries only: they are older than a mutation's
 * own writes, so a mutation's reads (the changed record in its answer) read them anew.
 */
export function readRevisionsPlugin(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation(request) {
          if (request.operation?.operation !== "query") request.contextValue.readRevisions = null;
        },
      };
    },
  };
}

/**
 * The ReadRevision rows `names` as of the request's start (a missing row is left out). A query has
 * the rows of its viewer's reads from the session lookup (auth/sessions.ts); anything else reads
 * them, in one statement.
 */
export async function revisionsOf(ctx: RevisionSource, names: readonly string[]): Promise<ReadonlyMap<string, string>> {
  if (ctx.readRevisions) return ctx.readRevisions;
  const rows = await ctx.db.query<{ name: string; revision: string }>(
    `SELECT "name", "revision"::text AS "revision" FROM "ReadRevision" WHERE "name" = ANY($1::text[])`,
    [names],
  );
  return new Map(rows.map((r) => [r.name, r.revision]));
}

/**
 * The answer for `key` of the read, loaded at most once per revision and process (concurrent
 * requests share one load). The answer is shared between requests: do not modify it.
 */
export function cachedRead<T>(ctx: RevisionSource, read: CachedRead, key: string, load: () => Promise<T>): Promise<T> {
  let perDatabase = caches.get(ctx.db);
  if (!perDatabase) {
    perDatabase = new Map();
    caches.set(ctx.db, perDatabase);
  }
  let cache = perDatabase.get(read);
  if (!cache) {
    cache = new RevisionCache(read, MAX_ENTRIES[read]);
    perDatabase.set(read, cache);
  }
  return cache.get(ctx, key, load);
}
