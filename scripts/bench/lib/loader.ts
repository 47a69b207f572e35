// Bulk loading for the benchmark data: rows are buffered per table in columns and written with
// one `INSERT … SELECT … FROM unnest($1::text[], …)` per chunk of rows (never one row at a time).
// Every buffer is flushed in foreign-key order whenever the buffered total passes a limit, so
// memory stays bounded at any data size.
import type pg from "pg";

/** Column types as PostgreSQL sees them; enums and arrays arrive as text and are cast. */
type ColumnType = "text" | "date" | "timestamp" | "int" | "bool" | "jsonb" | `enum:${string}` | "text[]" | `enum[]:${string}`;

/** The tables the generator writes, in an order that satisfies every foreign key front to back. */
export const TABLES = {
  Municipality: { id: "text", code: "text", name: "text", province: "text" },
  User: {
    id: "text",
    email: "text",
    name: "text",
    passwordHash: "text",
    role: "enum:Role",
    active: "bool",
    locale: "text",
    createdAt: "timestamp",
    lastLoginAt: "timestamp",
  },
  Organisation: { id: "text", name: "text", city: "text", email: "text", phone: "text", createdAt: "timestamp", updatedAt: "timestamp" },
  Location: {
    id: "text",
    organisationId: "text",
    name: "text",
    city: "text",
    phone: "text",
    email: "text",
    startedOn: "date",
    closedOn: "date",
    createdAt: "timestamp",
    updatedAt: "timestamp",
  },
  LocationMunicipality: { id: "text", locationId: "text", municipalityId: "text", servedFrom: "date", servedUntil: "date" },
  AgePolicy: {
    id: "text",
    municipalityId: "text",
    maxAgeInclusive: "int",
    pregnancyWeeksFrom: "int",
    validFrom: "date",
    validUntil: "date",
    note: "text",
    createdAt: "timestamp",
    createdById: "text",
  },
  MunicipalDecision: {
    id: "text",
    municipalityId: "text",
    organisationId: "text",
    reference: "text",
    decidedOn: "date",
    effectiveFrom: "date",
    effectiveUntil: "date",
    note: "text",
    createdAt: "timestamp",
  },
  Licence: {
    id: "text",
    number: "text",
    organisationId: "text",
    locationId: "text",
    municipalDecisionId: "text",
    status: "enum:LicenceStatus",
    appliedOn: "date",
    grantedOn: "date",
    validFrom: "date",
    validUntil: "date",
    conditions: "text",
    qualityStandards: "text",
    annualFeeCents: "int",
    feePaymentStatus: "enum:FeePaymentStatus",
    createdAt: "timestamp",
    updatedAt: "timestamp",
    version: "int",
  },
  LicenceMunicipality: { licenceId: "text", municipalityId: "text" },
  LicenceStatusChange: {
    id: "text",
    licenceId: "text",
    fromStatus: "enum:LicenceStatus",
    toStatus: "enum:LicenceStatus",
    effectiveOn: "date",
    reason: "text",
    at: "timestamp",
    byUserId: "text",
  },
  QualityReview: {
    id: "text",
    locationId: "text",
    status: "enum:QualityReviewStatus",
    plannedOn: "date",
    performedOn: "date",
    outcome: "enum:QualityReviewOutcome",
    findings: "text",
    createdAt: "timestamp",
    updatedAt: "timestamp",
    version: "int",
  },
  QualityReviewReviewer: { qualityReviewId: "text", userId: "text" },
  ImprovementAction: { id: "text", qualityReviewId: "text", description: "text", dueOn: "date", completedOn: "date" },
  UserLocationScope: { userId: "text", locationId: "text" },
  UserMunicipalityScope: { userId: "text", municipalityId: "text" },
  Referrer: {
    id: "text",
    type: "enum:ReferrerType",
    name: "text",
    organisation: "text",
    email: "text",
    phone: "text",
    createdAt: "timestamp",
  },
  Volunteer: {
    id: "text",
    locationId: "text",
    municipalityId: "text",
    firstName: "text",
    lastName: "text",
    email: "text",
    phone: "text",
    postcode: "text",
    status: "enum:VolunteerStatus",
    vogIssuedOn: "date",
    trainingCompletedOn: "date",
    languages: "text[]",
    availability: "text[]",
    experienceAgeGroups: "text[]",
    maxFamilies: "int",
    createdAt: "timestamp",
    updatedAt: "timestamp",
    version: "int",
  },
  Family: {
    id: "text",
    locationId: "text",
    municipalityId: "text",
    registeredOn: "date",
    source: "enum:RegistrationSource",
    householdType: "enum:HouseholdType",
    languages: "text[]",
    riskFactors: "enum[]:RiskFactor",
    status: "enum:FamilyStatus",
    postcode: "text",
    address: "text",
    calledBackAt: "timestamp",
    intakeOn: "date",
    endedOn: "date",
    note: "text",
    createdAt: "timestamp",
    updatedAt: "timestamp",
    version: "int",
  },
  Parent: {
    id: "text",
    familyId: "text",
    firstName: "text",
    lastName: "text",
    phone: "text",
    email: "text",
    phoneKey: "text",
    emailKey: "text",
    nameKey: "text",
  },
  Child: { id: "text", familyId: "text", firstName: "text", bornOn: "date", expectedOn: "date" },
  Referral: { id: "text", familyId: "text", referrerId: "text", referredOn: "date" },
  ConsentEvent: {
    id: "text",
    familyId: "text",
    type: "enum:ConsentType",
    action: "enum:ConsentAction",
    at: "timestamp",
    recordedById: "text",
    textVersion: "text",
    note: "text",
  },
  SupportQuestion: { id: "text", familyId: "text", question: "text", goal: "text", goalReached: "bool", createdAt: "timestamp" },
  Match: { id: "text", familyId: "text", volunteerId: "text", startOn: "date", endOn: "date", endReason: "text", createdAt: "timestamp" },
  Visit: { id: "text", matchId: "text", visitedOn: "date", minutes: "int", note: "text", loggedById: "text", createdAt: "timestamp" },
  Evaluation: {
    id: "text",
    familyId: "text",
    kind: "enum:EvaluationKind",
    heldOn: "date",
    summary: "text",
    parentalWellbeing: "int",
    positiveParenting: "int",
    childBehaviour: "int",
    network: "int",
    createdAt: "timestamp",
    recordedById: "text",
  },
  Closure: {
    id: "text",
    familyId: "text",
    closedOn: "date",
    reason: "enum:ClosureReason",
    goalsReached: "enum:GoalsReached",
    note: "text",
    createdAt: "timestamp",
  },
  ReferrerNotification: {
    id: "text",
    familyId: "text",
    referrerId: "text",
    kind: "enum:NotificationKind",
    status: "enum:NotificationStatus",
    subject: "text",
    body: "text",
    attempts: "int",
    createdAt: "timestamp",
    updatedAt: "timestamp",
    sentAt: "timestamp",
  },
  AuditEntry: { at: "timestamp", userId: "text", action: "text", entityType: "text", entityId: "text", detail: "jsonb" },
} as const satisfies Record<string, Record<string, ColumnType>>;

export type TableName = keyof typeof TABLES;
/** A row: every column of the table, in any order (null for SQL NULL). */
export type Row<T extends TableName> = { [K in keyof (typeof TABLES)[T]]: Value };
/** Dates and timestamps are passed as strings (YYYY-MM-DD, YYYY-MM-DD HH:MM:SS): no time-zone conversion. */
export type Value = string | number | boolean | null | readonly string[];

const TABLE_ORDER = Object.keys(TABLES) as TableName[];

function paramType(type: ColumnType): string {
  if (type === "date") return "date[]";
  if (type === "timestamp") return "timestamp(3)[]";
  if (type === "int") return "int[]";
  if (type === "bool") return "bool[]";
  return "text[]";
}

/** The cast from the unnested text to the column's type, for enums, arrays and JSON. */
function selectExpression(name: string, type: ColumnType): string {
  const c = `"${name}"`;
  if (type.startsWith("enum[]:")) return `${c}::"${type.slice(7)}"[]`;
  if (type.startsWith("enum:")) return `${c}::"${type.slice(5)}"`;
  if (type === "text[]") return `${c}::text[]`;
  if (type === "jsonb") return `${c}::jsonb`;
  return c;
}

/** PostgreSQL array literal for a text[] column, quoting every element. */
function arrayLiteral(values: readonly string[]): string {
  return `{${values.map((v) => `"${v.replace(/["\\]/g, (ch) => `\\${ch}`)}"`).join(",")}}`;
}

function insertSql(table: TableName): string {
  const columns = Object.entries(TABLES[table]) as Array<[string, ColumnType]>;
  const names = columns.map(([n]) => `"${n}"`).join(", ");
  const params = columns.map(([, t], i) => `$${i + 1}::${paramType(t)}`).join(", ");
  const select = columns.map(([n, t]) => selectExpression(n, t)).join(", ");
  return `INSERT INTO "${table}" (${names}) SELECT ${select} FROM unnest(${params}) AS u(${names})`;
}

export class Loader {
  readonly #client: pg.ClientBase;
  readonly #chunk: number;
  readonly #flushAt: number;
  readonly #buffers = new Map<TableName, unknown[][]>();
  readonly #sql = new Map<TableName, string>();
  readonly counts = Object.fromEntries(TABLE_ORDER.map((t) => [t, 0])) as Record<TableName, number>;
  #buffered = 0;

  constructor(client: pg.ClientBase, options: { chunk?: number; flushAt?: number } = {}) {
    this.#client = client;
    this.#chunk = options.chunk ?? 10_000;
    this.#flushAt = options.flushAt ?? 60_000;
    for (const table of TABLE_ORDER) {
      this.#buffers.set(
        table,
        Object.keys(TABLES[table]).map(() => []),
      );
      this.#sql.set(table, insertSql(table));
    }
  }

  /** Buffers a row; flushes everything (in foreign-key order) when the buffers are full. */
  async add<T extends TableName>(table: T, row: Row<T>): Promise<void> {
    const columns = this.#buffers.get(table)!;
    const spec = TABLES[table] as Record<string, ColumnType>;
    let i = 0;
    for (const [name, type] of Object.entries(spec)) {
      const value = (row as Record<string, Value>)[name];
      if (value === undefined) throw new Error(`${table}.${name} is missing`);
      columns[i]!.push(type === "text[]" || type.startsWith("enum[]:") ? arrayLiteral(value as readonly string[]) : value);
      i += 1;
    }
    this.counts[table] += 1;
    this.#buffered += 1;
    if (this.#buffered >= this.#flushAt) await this.flush();
  }

  async flush(): Promise<void> {
    for (const table of TABLE_ORDER) {
      const columns = this.#buffers.get(table)!;
      const rows = columns[0]!.length;
      for (let start = 0; start < rows; start += this.#chunk) {
        const params = columns.map((c) => c.slice(start, start + this.#chunk));
        await this.#client.query(this.#sql.get(table)!, params);
      }
      for (const c of columns) c.length = 0;
    }
    this.#buffered = 0;
  }
}
