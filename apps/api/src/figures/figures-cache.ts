// The annual figures at national scale cost a load of every family supported in the years asked
// for (hundreds of milliseconds on ten years of data). They change only when a transaction that
// writes their data commits, and then FiguresRevision changes with it (triggers of the migration
// figures_revision). So the load is kept per revision and shared by every request until the next
// change: a request reads the revision first, and what is loaded after that read is at least as
// new as it, so no request sees figures older than the last write committed before it started
// (issue 7: "they reflect a visit logged a second earlier").
import type { Prisma } from "@homestart/db";
import { type AnnualFigures, annualFigures, type FiguresInput, type FiguresScope } from "@homestart/domain";
import type { Context } from "../context.ts";
import { type FiguresInputs, loadFiguresInputs } from "./load-figures-input.ts";

/** One load for a run of years, with each year's input and figures worked out once. */
export interface CachedFigures {
  fromYear: number;
  toYear: number;
  forYear(year: number): FiguresInput;
  /** annualFigures for the year and scope; shared between requests: do not modify the result. */
  figures(year: number, scope?: FiguresScope): AnnualFigures;
}

function cached(inputs: FiguresInputs): CachedFigures {
  const perYear = new Map<number, FiguresInput>();
  const figures = new Map<string, AnnualFigures>();
  const forYear = (year: number) => {
    let input = perYear.get(year);
    if (!input) {
      input = inputs.forYear(year);
      perYear.set(year, input);
    }
    return input;
  };
  return {
    fromYear: inputs.fromYear,
    toYear: inputs.toYear,
    forYear,
    figures: (year, scope = {}) => {
      const key = `${year}|${scope.municipalityCodes?.join(",") ?? "*"}|${scope.locationIds?.join(",") ?? "*"}`;
      let result = figures.get(key);
      if (!result) {
        result = annualFigures(forYear(year), year, scope);
        // Officers' scopes are few; the bound keeps a flood of different scopes from growing it.
        if (figures.size < 2_000) figures.set(key, result);
      }
      return result;
    },
  };
}

export class FiguresCache {
  readonly #prisma: Prisma;
  readonly #maxEntries: number;
  /** `${revision}:${fromYear}-${toYear}` → the load (in flight or done); oldest first. */
  readonly #entries = new Map<string, Promise<CachedFigures>>();
  /** The newest revision seen; a request that read an older one (just before a commit) is not cached. */
  #newest = -1n;

  constructor(prisma: Prisma, maxEntries = 8) {
    this.#prisma = prisma;
    this.#maxEntries = maxEntries;
  }

  /** The current revision; null when the row is missing (then nothing is cached). */
  async revision(): Promise<string | null> {
    const rows = await this.#prisma.$queryRaw<Array<{ revision: bigint }>>`SELECT "revision" FROM "FiguresRevision" WHERE "id" = 1`;
    return rows[0] ? String(rows[0].revision) : null;
  }

  /** The figures' input for the years, loaded at most once per revision (concurrent requests share one load). */
  load(revision: string | null, fromYear: number, toYear: number): Promise<CachedFigures> {
    if (revision === null || BigInt(revision) < this.#newest) return loadFiguresInputs(this.#prisma, fromYear, toYear).then(cached);
    const key = `${revision}:${fromYear}-${toYear}`;
    const hit = this.#entries.get(key);
    if (hit) {
      // Most recently used last.
      this.#entries.delete(key);
      this.#entries.set(key, hit);
      return hit;
    }
    if (BigInt(revision) > this.#newest) {
      // A newer revision makes every entry of an older one useless.
      this.#newest = BigInt(revision);
      this.#entries.clear();
    }
    const load = loadFiguresInputs(this.#prisma, fromYear, toYear).then(cached);
    this.#entries.set(key, load);
    load.catch(() => this.#entries.delete(key));
    while (this.#entries.size > this.#maxEntries) this.#entries.delete(this.#entries.keys().next().value as string);
    return load;
  }
}

const caches = new WeakMap<Prisma, FiguresCache>();
const revisions = new WeakMap<Context, Promise<string | null>>();

/** The process's cache for this database. */
export function figuresCacheFor(prisma: Prisma): FiguresCache {
  let cache = caches.get(prisma);
  if (!cache) {
    cache = new FiguresCache(prisma);
    caches.set(prisma, cache);
  }
  return cache;
}

/**
 * The figures for the years, as current as the request: the revision is read once per request
 * (a trend and its national comparison, asked in one request, come from the same data).
 */
export function figuresFor(ctx: Context, fromYear: number, toYear: number): Promise<CachedFigures> {
  const cache = figuresCacheFor(ctx.prisma);
  let revision = revisions.get(ctx);
  if (!revision) {
    revision = cache.revision();
    revisions.set(ctx, revision);
  }
  return revision.then((r) => cache.load(r, fromYear, toYear));
}
