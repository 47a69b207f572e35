// Whole answers of the busiest reads, the licence list and a location's family list and dashboard,
// kept per revision. Executing a page of 50 rows through GraphQL costs the API several times the
// SQL that loads it, and the dashboard reads all of a location's open families and visits (issue
// 7, bench/README.md); a read asked again before its data changed is answered from memory instead. Deferred triggers (migration response_cache_revisions) raise the
// list's ReadRevision rows when a transaction that writes its data commits, so an answer is kept
// only as long as nothing it shows has changed. A request reads the revisions before anything
// else; an answer stored under them was loaded after that read, so it is never older than the
// last write committed before the request started (as read-cache.ts and the figures cache).
//
// Only answers whose every field is listed below are kept: a query that asks anything else (a
// family's children, a licence's municipalities, …) is executed as always. The key holds the
// viewer's role and scopes, so an answer is only ever given to a viewer who would get the same.
import type { ApolloServerPlugin, GraphQLRequestContextResponseForOperation } from "@apollo/server";
import { HeaderMap } from "@apollo/server";
import type { Database } from "@homestart/db";
import {
  type DocumentNode,
  type FormattedExecutionResult,
  type FragmentDefinitionNode,
  type GraphQLObjectType,
  type GraphQLSchema,
  Kind,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from "graphql";
import type { Context, Viewer } from "./context.ts";
import { todayInNetherlands } from "./mappers.ts";
import { type RevisionSource, revisionsOf } from "./read-cache.ts";

interface CachedList {
  /** The root field's arguments an answer may be kept for (with another one it is executed). */
  args: readonly string[];
  /** The fields (`Type.field`) whose values come only from the data the revisions cover. */
  fields: readonly string[];
  /** The ReadRevision row raised by any change to the list's data (it must exist). */
  revision: string;
  /** Rows raised for a part of the data (a location's families); a missing one reads as 0. */
  scopedRevisions?: (viewer: Viewer) => string[];
}

const PAGE_INFO = ["PageInfo.hasNextPage", "PageInfo.hasPreviousPage", "PageInfo.startCursor", "PageInfo.endCursor"];
const connectionFields = (name: string) =>
  [
    `Query${name}Connection.edges`,
    `Query${name}Connection.pageInfo`,
    `Query${name}ConnectionEdge.cursor`,
    `Query${name}ConnectionEdge.node`,
  ].concat(PAGE_INFO);

/** The rows of the viewer's locations, raised by any change to what a location's lists show. */
function locationRows(viewer: Viewer): string[] {
  return viewer.locationIds.map((id) => `location_data:${id}`);
}

/** The lists kept, by root field; their revisions' triggers are in migration response_cache_revisions. */
export const CACHED_LISTS: Readonly<Record<string, CachedList>> = {
  licences: {
    args: ["first", "after", "last", "before", "status", "expiringWithinDays", "orderBy", "organisationId", "locationId"],
    fields: [
      ...connectionFields("Licences"),
      ...[
        "id",
        "number",
        "status",
        "appliedOn",
        "grantedOn",
        "validFrom",
        "validUntil",
        "annualFeeCents",
        "feePaymentStatus",
        "version",
      ].map((f) => `Licence.${f}`),
      "Licence.allowedTransitions",
      "Licence.organisation",
      "Licence.location",
      "Organisation.id",
      "Organisation.name",
      "Location.id",
      "Location.name",
    ],
    revision: "licence_list",
  },
  families: {
    args: ["first", "after", "last", "before", "status", "search", "municipalityId", "registeredFrom", "registeredTo", "orderBy"],
    fields: [
      ...connectionFields("Families"),
      ...[
        "id",
        "registeredOn",
        "status",
        "channel",
        "preferredLanguage",
        "source",
        "householdType",
        "intakeOn",
        "anonymisedAt",
        "version",
        "allowedTransitions",
        "municipality",
        "parents",
      ].map((f) => `Family.${f}`),
      "Municipality.id",
      "Municipality.name",
      "Parent.firstName",
      "Parent.lastName",
    ],
    revision: "location_data",
    scopedRevisions: locationRows,
  },
  dashboard: {
    args: ["on"],
    fields: ["code", "severity", "dueOn", "familyId", "volunteerId", "message"]
      .map((f) => `Signal.${f}`)
      .concat("LocalizedText.nl", "LocalizedText.en"),
    revision: "location_data",
    scopedRevisions: locationRows,
  },
};

/**
 * The answers of one database's lists, most recently used last: at most 512, each given for at
 * most ten minutes after it was loaded. Family lists hold parents' names: an answer whose data
 * changed is dropped when next asked, and older ones are swept out by the first request of each
 * minute, so no list lingers in memory long after it was last loaded.
 */
class KeptAnswers {
  static readonly MAX_ENTRIES = 512;
  static readonly MAX_AGE_MS = 10 * 60_000;
  readonly #entries = new Map<string, { stamp: string; loadedAt: number; result: FormattedExecutionResult }>();
  #sweptAt = Date.now();

  get(key: string, stamp: string): FormattedExecutionResult | null {
    this.#sweep();
    const entry = this.#entries.get(key);
    if (!entry) return null;
    this.#entries.delete(key);
    if (entry.stamp !== stamp || Date.now() - entry.loadedAt > KeptAnswers.MAX_AGE_MS) return null;
    this.#entries.set(key, entry);
    return entry.result;
  }

  set(key: string, stamp: string, result: FormattedExecutionResult): void {
    this.#entries.delete(key);
    this.#entries.set(key, { stamp, loadedAt: Date.now(), result });
    while (this.#entries.size > KeptAnswers.MAX_ENTRIES) this.#entries.delete(this.#entries.keys().next().value as string);
  }

  #sweep(): void {
    const now = Date.now();
    if (now - this.#sweptAt < 60_000) return;
    this.#sweptAt = now;
    for (const [key, entry] of this.#entries) if (now - entry.loadedAt > KeptAnswers.MAX_AGE_MS) this.#entries.delete(key);
  }
}

const caches = new WeakMap<Database, KeptAnswers>();

/**
 * The cached lists an operation asks for, or null when its answer is not to be kept: not a
 * query, a root field that is not a cached list or with another argument, or any field (in
 * the operation or the fragments it spreads) outside the lists' fields.
 */
export function cachedListsOf(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode): CachedList[] | null {
  if (operation.operation !== "query") return null;
  const lists: CachedList[] = [];
  for (const selection of operation.selectionSet.selections) {
    if (selection.kind !== Kind.FIELD) return null;
    if (selection.name.value === "__typename") continue;
    const list = Object.hasOwn(CACHED_LISTS, selection.name.value) ? CACHED_LISTS[selection.name.value] : undefined;
    if (!list || !(selection.arguments ?? []).every((a) => list.args.includes(a.name.value))) return null;
    lists.push(list);
  }
  if (lists.length === 0) return null;
  const allowed = new Set(lists.flatMap((l) => l.fields));
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  const query = schema.getQueryType();
  return query && covers(schema, query.name, operation.selectionSet, allowed, fragments, new Set()) ? lists : null;
}

/** The fields of a named type, or null for one without (a union, a scalar). */
function fieldsOf(schema: GraphQLSchema, typeName: string) {
  const type = schema.getType(typeName) as Partial<GraphQLObjectType> | undefined;
  return typeof type?.getFields === "function" ? type.getFields() : null;
}

/** A field's type without its lists and non-nulls (read structurally: graphql-js may be loaded twice under the tests). */
function namedTypeOf(type: unknown): string {
  let t = type as { ofType?: unknown; name?: string };
  while (t.ofType) t = t.ofType as typeof t;
  return String(t.name);
}

function covers(
  schema: GraphQLSchema,
  typeName: string,
  selectionSet: SelectionSetNode,
  allowed: Set<string>,
  fragments: Map<string, FragmentDefinitionNode>,
  spread: Set<string>,
): boolean {
  const fields = fieldsOf(schema, typeName);
  return selectionSet.selections.every((selection) => {
    if (selection.kind === Kind.INLINE_FRAGMENT)
      return covers(schema, selection.typeCondition?.name.value ?? typeName, selection.selectionSet, allowed, fragments, spread);
    if (selection.kind === Kind.FRAGMENT_SPREAD) {
      const fragment = fragments.get(selection.name.value);
      if (!fragment || spread.has(fragment.name.value)) return !!fragment;
      spread.add(fragment.name.value);
      return covers(schema, fragment.typeCondition.name.value, fragment.selectionSet, allowed, fragments, spread);
    }
    const name = selection.name.value;
    if (name === "__typename") return true;
    const field = fields?.[name];
    // The root fields were checked above; below them, every field must be one the lists cover.
    if (!field || (typeName !== schema.getQueryType()?.name && !allowed.has(`${typeName}.${name}`))) return false;
    return !selection.selectionSet || covers(schema, namedTypeOf(field.type), selection.selectionSet, allowed, fragments, spread);
  });
}

const plans = new WeakMap<DocumentNode, Map<OperationDefinitionNode, CachedList[] | null>>();

function planOf(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode): CachedList[] | null {
  let perDocument = plans.get(document);
  if (!perDocument) {
    perDocument = new Map();
    plans.set(document, perDocument);
  }
  let plan = perDocument.get(operation);
  if (plan === undefined) {
    plan = cachedListsOf(schema, document, operation);
    perDocument.set(operation, plan);
  }
  return plan;
}

/** The revisions the lists are kept under, as one string, or null when a list's own row is missing. */
async function readStamp(ctx: RevisionSource, lists: CachedList[], viewer: Viewer): Promise<string | null> {
  const required = [...new Set(lists.map((l) => l.revision))];
  const names = [...new Set([...required, ...lists.flatMap((l) => l.scopedRevisions?.(viewer) ?? [])])].sort();
  const revisions = await revisionsOf(ctx, names);
  // Without a list's own row (a database emptied by hand) nothing is kept.
  if (!required.every((name) => revisions.has(name))) return null;
  return names.map((name) => `${name}=${revisions.get(name) ?? "0"}`).join(",");
}

/** Keeps and gives the answers of the cached lists (see the top of this file). */
export function responseCachePlugin(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      let pending: { key: string; stamp: string } | null = null;
      return {
        async responseForOperation(request: GraphQLRequestContextResponseForOperation<Context>) {
          const { viewer } = request.contextValue;
          if (!viewer) return null;
          const lists = planOf(request.schema, request.document, request.operation);
          if (!lists) return null;
          const stamp = await readStamp(request.contextValue, lists, viewer);
          if (stamp === null) return null;
          const key = JSON.stringify([
            request.queryHash,
            request.operationName ?? null,
            request.request.variables ?? {},
            viewer.role,
            [...viewer.locationIds].sort(),
            [...viewer.municipalityIds].sort(),
            // Answers that depend on the day (licences expiring within so many days) are kept for that day.
            todayInNetherlands(),
          ]);
          const kept = caches.get(request.contextValue.db)?.get(key, stamp);
          if (kept) return { http: { headers: new HeaderMap() }, body: { kind: "single", singleResult: kept } };
          pending = { key, stamp };
          return null;
        },
        async willSendResponse(request) {
          const body = request.response.body;
          // Only complete answers without errors are kept (a refusal is asked again).
          if (!pending || body.kind !== "single" || body.singleResult.errors || !body.singleResult.data) return;
          let cache = caches.get(request.contextValue.db);
          if (!cache) {
            cache = new KeptAnswers();
            caches.set(request.contextValue.db, cache);
          }
          cache.set(pending.key, pending.stamp, body.singleResult);
        },
      };
    },
  };
}
