// Prisma's `findFirst` and `findMany` for the API's hottest reads, answered by one SQL statement
// through the driver (Database.query) instead of Prisma's query compiler.
//
// Why: Prisma 6.19 compiles every query to a plan in WebAssembly, with no plan cache (Prisma 7 has
// one; the architecture fixes 6.19). For the family page, whose query selects ten relations, that
// compile was 40% of the API's CPU per request (issue 7, bench/README.md "Where the time goes").
// This builds the statement Prisma's `relationJoins` would send (each row and its relations as
// JSON, built by PostgreSQL) once per distinct query shape, and gives back the objects Prisma
// would: the same keys, `Date`s for DateTime columns. Pothos' prisma plugin hands resolvers a
// `{ select | include }` and reads relations from the objects returned, as it does from Prisma's.
//
// Only the shapes these reads use are compiled: `select`/`include` trees of scalars, enums, scalar
// lists and relations with `orderBy`; a `where` of equalities and `in` lists on columns; `orderBy`,
// `take` and `skip` (a first page). Anything else (a cursor, nested `where`, `_count`, JSON,
// BigInt, …) compiles to null and the caller asks Prisma: a shape it does not know is never
// answered differently, only slower. Where Prisma leaves an order open (no `orderBy`, ties), rows
// come ordered by id. json-select.test.ts compares the answers with Prisma's on the demo seed.
import type { Database } from "./client.ts";
import { getDatamodel } from "./generated/pothos-types.ts";

interface ModelField {
  name: string;
  kind: "scalar" | "enum" | "object" | "unsupported";
  type: string;
  isList: boolean;
  isId: boolean;
  relationName?: string;
  relationFromFields?: string[];
}
interface Models {
  [model: string]: { fields: ModelField[] };
}

/** The query Pothos passes a prisma field's resolver (or any Prisma `findFirst` argument of this shape). */
export interface SelectionQuery {
  select?: Record<string, unknown>;
  include?: Record<string, unknown>;
}

/** Equalities on columns: `{ id: "x" }`, `{ locationId: { in: [...] } }`. */
export type ColumnWhere = Record<
  string,
  string | number | boolean | { in: ReadonlyArray<string | number | boolean> } | { equals: string | number | boolean }
>;

/** A compiled read: run it with the where's values in the order the where listed them. */
interface JsonFind {
  sql: string;
  /** For a findFirst: the statement that also writes the read's audit entry (see findFirstAsJson). */
  auditedSql: string | null;
  /** The computed columns' names, in the statement's order (its columns "c0", "c1", …). */
  computed: string[];
  decode(row: unknown): unknown;
}

/**
 * Values a findFirst's one statement computes beside the row, each an SQL expression (usually a
 * subquery) of the row's alias, given back on the row under its name. A name must stand for one
 * expression: the statement is compiled once per shape and names, and kept.
 */
export type ComputedColumns = Record<string, (row: string) => string>;

const SCALARS_AS_JSON = new Set(["String", "Int", "Boolean", "DateTime"]);
const CASTS: Record<string, string> = { String: "text", Int: "int", Boolean: "boolean" };
/** json_build_object takes at most 100 arguments. */
const MAX_KEYS = 50;
const MAX_CACHED = 500;

class Unsupported extends Error {}

const models: Models = (getDatamodel() as unknown as { datamodel: { models: Models } }).datamodel.models;
const cache = new Map<string, JsonFind | null>();

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

function fieldsOf(model: string): ModelField[] {
  const found = models[model];
  if (!found) throw new Unsupported(`model ${model}`);
  return found.fields;
}

function idOf(model: string): string {
  const ids = fieldsOf(model).filter((f) => f.isId);
  const [id] = ids;
  if (ids.length !== 1 || !id) throw new Unsupported(`${model} has no single id`);
  return id.name;
}

/** DateTime columns come out of json_build_object as ISO text: a date, or a timestamp without zone (UTC). */
function toDate(text: string): Date {
  if (text.length === 10 || /(Z|[+-]\d\d(:?\d\d)?)$/.test(text)) return new Date(text);
  return new Date(`${text}Z`);
}

type Decoder = (value: unknown) => unknown;

function dateDecoder(isList: boolean): Decoder {
  return isList
    ? (v) => (Array.isArray(v) ? v.map((x) => (typeof x === "string" ? toDate(x) : x)) : v)
    : (v) => (typeof v === "string" ? toDate(v) : v);
}

function objectDecoder(fields: Array<[string, Decoder]>): Decoder {
  if (fields.length === 0) return (v) => v;
  return (v) => {
    if (v === null || typeof v !== "object") return v;
    const row = v as Record<string, unknown>;
    for (const [key, decode] of fields) row[key] = decode(row[key]);
    return row;
  };
}

let aliasCounter = 0;

/** A row of `model` (as `alias`) as `json_build_object(…)`, with the joins of its to-one relations. */
interface ObjectExpression {
  sql: string;
  decode: Decoder;
  /** LEFT JOINs for the FROM clause that holds `alias`, in order. */
  joins: string[];
}

/** `json_build_object(…)` of one row of `model` (as `alias`) with the selection's keys. */
function objectExpression(model: string, alias: string, query: SelectionQuery | true): ObjectExpression {
  const fields = fieldsOf(model);
  const byName = new Map(fields.map((f) => [f.name, f]));
  const selected: Array<[ModelField, unknown]> = [];
  if (query === true || query.include !== undefined || query.select === undefined) {
    if (query !== true && query.select !== undefined && query.include !== undefined) throw new Unsupported("select with include");
    for (const f of fields) if (f.kind !== "object") selected.push([f, true]);
    const include = query === true ? undefined : query.include;
    for (const [name, value] of Object.entries(include ?? {})) {
      const f = byName.get(name);
      if (f?.kind !== "object") throw new Unsupported(`include ${name}`);
      if (value) selected.push([f, value]);
    }
  } else {
    for (const [name, value] of Object.entries(query.select)) {
      const f = byName.get(name);
      if (!f) throw new Unsupported(`select ${name}`);
      if (value === false || value === undefined) continue;
      if (f.kind !== "object" && value !== true) throw new Unsupported(`select ${name}`);
      selected.push([f, value]);
    }
  }
  if (selected.length > MAX_KEYS) throw new Unsupported("too many keys");
  const parts: string[] = [];
  const decoders: Array<[string, Decoder]> = [];
  const joins: string[] = [];
  for (const [f, value] of selected) {
    if (f.kind === "object") {
      const relation = relationExpression(model, alias, f, value);
      parts.push(`'${f.name}', ${relation.sql}`);
      decoders.push([f.name, relation.decode]);
      joins.push(...relation.joins);
      continue;
    }
    if (f.kind !== "enum" && !SCALARS_AS_JSON.has(f.type)) throw new Unsupported(`${f.type} column`);
    parts.push(`'${f.name}', ${alias}.${quote(f.name)}`);
    if (f.type === "DateTime") decoders.push([f.name, dateDecoder(f.isList)]);
  }
  return { sql: `json_build_object(${parts.join(", ")})`, decode: objectDecoder(decoders), joins };
}

function relationExpression(model: string, alias: string, field: ModelField, value: unknown): ObjectExpression {
  const target = field.type;
  const inner = `t${aliasCounter++}`;
  let condition: string;
  const [from] = field.relationFromFields ?? [];
  if (from !== undefined) {
    if ((field.relationFromFields ?? []).length !== 1) throw new Unsupported("compound relation");
    condition = `${inner}.${quote(idOf(target))} = ${alias}.${quote(from)}`;
  } else {
    const back = fieldsOf(target).filter((f) => f.kind === "object" && f.relationName === field.relationName && f.type === model);
    const [other] = back;
    const [fk] = other?.relationFromFields ?? [];
    if (back.length !== 1 || !other || fk === undefined || other.relationFromFields?.length !== 1)
      throw new Unsupported(`relation ${field.name}`);
    condition = `${inner}.${quote(fk)} = ${alias}.${quote(idOf(model))}`;
  }
  let nested: SelectionQuery | true = true;
  let orderBy: unknown;
  if (value !== true) {
    if (typeof value !== "object" || value === null) throw new Unsupported(`relation ${field.name}`);
    const { select, include, orderBy: order, ...rest } = value as SelectionQuery & { orderBy?: unknown };
    if (Object.keys(rest).length > 0) throw new Unsupported(`relation arguments ${Object.keys(rest).join(",")}`);
    nested = select !== undefined || include !== undefined ? { select, include } : true;
    orderBy = order;
  }
  const object = objectExpression(target, inner, nested);
  if (!field.isList) {
    // A join, not a subquery per row: PostgreSQL plans a subquery on a small table (municipalities)
    // as a scan of it for every row of a list. At most one row joins: the relation's key is unique.
    if (orderBy !== undefined) throw new Unsupported("orderBy on a to-one relation");
    return {
      sql: `CASE WHEN ${inner}.${quote(idOf(target))} IS NULL THEN NULL ELSE ${object.sql} END`,
      decode: object.decode,
      joins: [`LEFT JOIN ${quote(target)} ${inner} ON ${condition}`, ...object.joins],
    };
  }
  const order = orderExpression(target, inner, orderBy);
  const decodeRow = object.decode;
  return {
    sql: `(SELECT coalesce(json_agg(${object.sql} ORDER BY ${order}), '[]'::json) FROM ${quote(target)} ${inner}${fromJoins(object.joins)} WHERE ${condition})`,
    decode: (v) => (Array.isArray(v) ? v.map(decodeRow) : v),
    joins: [],
  };
}

const fromJoins = (joins: string[]) => (joins.length > 0 ? ` ${joins.join(" ")}` : "");

/** Prisma's orderBy list (or one object) on scalar columns; the id last, so the order is total. */
function orderExpression(model: string, alias: string, orderBy: unknown): string {
  const byName = new Map(fieldsOf(model).map((f) => [f.name, f]));
  const items = orderBy === undefined ? [] : Array.isArray(orderBy) ? orderBy : [orderBy];
  const terms: string[] = [];
  for (const item of items) {
    if (typeof item !== "object" || item === null) throw new Unsupported("orderBy");
    for (const [name, how] of Object.entries(item)) {
      const f = byName.get(name);
      if (!f || f.kind === "object" || f.isList) throw new Unsupported(`orderBy ${name}`);
      const { sort, nulls } = typeof how === "string" ? { sort: how, nulls: undefined } : (how as { sort?: unknown; nulls?: unknown });
      if (sort !== "asc" && sort !== "desc") throw new Unsupported("orderBy direction");
      if (nulls !== undefined && nulls !== "first" && nulls !== "last") throw new Unsupported("orderBy nulls");
      terms.push(`${alias}.${quote(name)} ${sort.toUpperCase()}${nulls ? ` NULLS ${nulls.toUpperCase()}` : ""}`);
    }
  }
  const id = idOf(model);
  if (!items.some((item) => typeof item === "object" && item !== null && id in item)) terms.push(`${alias}.${quote(id)} ASC`);
  return terms.join(", ");
}

function castOf(field: ModelField): string {
  const cast = field.kind === "enum" ? quote(field.type) : CASTS[field.type];
  if (!cast || field.isList) throw new Unsupported(`where on ${field.type}`);
  return cast;
}

const isSingle = (list: unknown): list is [unknown] => Array.isArray(list) && list.length === 1;

/** The parameter a condition gives the statement: an `in` of one value gives that value (an equality). */
const parameterOf = (condition: ColumnWhere[string]): unknown =>
  typeof condition === "object"
    ? "in" in condition
      ? isSingle(condition.in)
        ? condition.in[0]
        : condition.in
      : condition.equals
    : condition;

function whereExpression(model: string, alias: string, where: ColumnWhere): { sql: string; values: unknown[] } {
  const byName = new Map(fieldsOf(model).map((f) => [f.name, f]));
  const terms: string[] = [];
  const values: unknown[] = [];
  for (const [name, condition] of Object.entries(where)) {
    const f = byName.get(name);
    if (!f || f.kind === "object") throw new Unsupported(`where ${name}`);
    const column = `${alias}.${quote(name)}`;
    const oneKey = typeof condition !== "object" || condition === null || Object.keys(condition).length !== 1 ? null : condition;
    const isValue = typeof condition === "string" || typeof condition === "number" || typeof condition === "boolean";
    if (!isValue && !(oneKey && ("in" in oneKey || "equals" in oneKey))) throw new Unsupported(`where ${name}`);
    values.push(parameterOf(condition));
    // An `in` of one value (a coordinator's one location) is an equality: PostgreSQL reads
    // `= ANY(…)` from an index but cannot take its order from it, so a page of a location's
    // families sorted all of them instead of reading the first rows of (locationId, registeredOn DESC, id).
    terms.push(
      oneKey && "in" in oneKey && !isSingle(oneKey.in)
        ? `${column} = ANY($${values.length}::${castOf(f)}[])`
        : `${column} = $${values.length}::${castOf(f)}`,
    );
  }
  return { sql: terms.length > 0 ? terms.join(" AND ") : "true", values };
}

interface FindArgs extends SelectionQuery {
  where?: Record<string, unknown>;
  orderBy?: unknown;
  take?: number;
  skip?: number;
  cursor?: unknown;
}

/**
 * The statement for `findFirst(args)` or `findMany(args)` on `model`, or null when the arguments
 * have a shape this does not compile (then ask Prisma). Compiled once per shape; the where's
 * values, `take` and `skip` are parameters.
 */
function compile(
  kind: "first" | "many",
  model: string,
  args: FindArgs,
  computed: ComputedColumns = {},
): { find: JsonFind; values: unknown[] } | null {
  const { select, include, where = {}, orderBy, take, skip, cursor, ...rest } = args;
  const columnWhere = where as ColumnWhere;
  const whereShape = Object.entries(where).map(
    ([k, v]) => `${k}:${typeof v === "object" && v !== null ? Object.keys(v).join("+") + ("in" in v && isSingle(v.in) ? "1" : "") : "="}`,
  );
  // What the statement depends on: whether take/skip are given and usable as LIMIT/OFFSET (a
  // negative take is Prisma's "from the end"), whether there is a cursor, not their values.
  const count = (n: number | undefined) => (n === undefined ? "none" : Number.isInteger(n) && n >= 0 ? "n" : "other");
  const shapeOf = {
    kind,
    select,
    include,
    orderBy,
    take: count(take),
    skip: count(skip),
    cursor: cursor !== undefined,
    rest: Object.keys(rest),
  };
  const computedNames = Object.keys(computed);
  const key = `${model}|${whereShape.join(",")}|${JSON.stringify(shapeOf)}|${computedNames.join(",")}`;
  let find = cache.get(key);
  if (find === undefined) {
    try {
      // A cursor (a page after the first) and arguments not named here are Prisma's.
      if (Object.keys(rest).length > 0 || cursor !== undefined) throw new Unsupported("arguments");
      if (kind === "first" && (orderBy !== undefined || take !== undefined || skip !== undefined))
        throw new Unsupported("findFirst arguments");
      if (count(take) === "other" || count(skip) === "other") throw new Unsupported("take/skip");
      aliasCounter = 1;
      const object = objectExpression(model, "t0", { select, include });
      const { sql: condition, values } = whereExpression(model, "t0", columnWhere);
      let tail = "LIMIT 1";
      if (kind === "many") {
        let n = values.length;
        tail = `ORDER BY ${orderExpression(model, "t0", orderBy)}`;
        if (take !== undefined) tail += ` LIMIT $${++n}::int`;
        if (skip !== undefined) tail += ` OFFSET $${++n}::int`;
      }
      if (kind === "many" && computedNames.length > 0) throw new Unsupported("computed columns on findMany");
      const from = `FROM ${quote(model)} t0${fromJoins(object.joins)} WHERE ${condition} ${tail}`;
      const n = values.length;
      const columns = computedNames.map((name, i) => `, (${computed[name]?.("t0")}) AS "c${i}"`).join("");
      const names = computedNames.map((_, i) => `, "c${i}"`).join("");
      find = {
        sql: `SELECT ${object.sql} AS "row"${columns} ${from}`,
        // A data-modifying WITH runs exactly once, and inserts only when a row was found.
        auditedSql:
          kind === "first" && fieldsOf(model).some((f) => f.name === "id" && f.kind !== "object")
            ? `WITH "found" AS (SELECT ${object.sql} AS "row", t0."id" AS "auditedId"${columns} ${from}),
                 "audited" AS (INSERT INTO "AuditEntry" ("userId", "action", "entityType", "entityId")
                   SELECT $${n + 1}::text, $${n + 2}::text, $${n + 3}::text, "auditedId"::text FROM "found")
               SELECT "row"${names} FROM "found"`
            : null,
        computed: computedNames,
        decode: object.decode,
      };
    } catch (error) {
      if (!(error instanceof Unsupported)) throw error;
      find = null;
    }
    if (cache.size >= MAX_CACHED) cache.clear();
    cache.set(key, find);
  }
  if (!find) return null;
  // The where's values in its order, as whereExpression numbered them when the shape was compiled.
  const values: unknown[] = Object.values(columnWhere).map(parameterOf);
  if (kind === "many" && take !== undefined) values.push(take);
  if (kind === "many" && skip !== undefined) values.push(skip);
  return { find, values };
}

/**
 * `prisma[model].findFirst(args)` in one statement through the driver, or `undefined` when the
 * arguments' shape is not one this compiles (the caller then asks Prisma). With `audit`, the
 * same statement writes the read's audit entry when it finds a row; with `computed`, it also
 * computes those values, given back on the row under their names.
 */
export async function findFirstAsJson<T>(
  db: Pick<Database, "query">,
  model: string,
  args: FindArgs,
  options: { audit?: ReadAudit; computed?: ComputedColumns } = {},
): Promise<T | null | undefined> {
  const { audit, computed } = options;
  const compiled = compile("first", model, args, computed);
  if (!compiled) return undefined;
  const { find } = compiled;
  // The read and its audit entry in one statement: one round trip fewer for every family page,
  // the most frequent audited read (issue 7: each statement costs the API a socket write), and
  // no answer leaves without its entry.
  const sql = audit ? find.auditedSql : find.sql;
  if (sql === null) return undefined;
  const [row] = await db.query<Record<string, unknown>>(
    sql,
    audit ? [...compiled.values, audit.userId, audit.action, audit.entityType] : compiled.values,
  );
  if (!row) return null;
  const found = find.decode(row.row) as Record<string, unknown>;
  find.computed.forEach((name, i) => {
    found[name] = row[`c${i}`];
  });
  return found as T;
}

/** The audit entry a read writes with the row it finds (who, what kind of read, which kind of record). */
export interface ReadAudit {
  userId: string | null;
  action: string;
  entityType: string;
}

/**
 * `prisma[model].findMany(args)` in one statement through the driver, or `undefined` when the
 * arguments' shape is not one this compiles: a cursor (pages after the first), a `where` beyond
 * equalities and `in` on columns, a negative `take` (the caller then asks Prisma). The order is
 * `orderBy` and then the id, so it is total.
 */
export async function findManyAsJson<T>(db: Pick<Database, "query">, model: string, args: FindArgs): Promise<T[] | undefined> {
  const compiled = compile("many", model, args);
  if (!compiled) return undefined;
  const rows = await db.query<{ row: unknown }>(compiled.find.sql, compiled.values);
  return rows.map((r) => compiled.find.decode(r.row) as T);
}
