// The authorization matrix: for every root operation in the schema, what each kind of user gets.
// Each area keeps its expectations in expectations/<area>.ts; authorization-matrix.test.ts runs
// them all and fails for an operation that has none.
import type { Prisma } from "@homestart/db";
import { encodeGlobalID } from "@pothos/plugin-relay";

/** Everyone the matrix asks: two coordinators of different locations, two officers of different municipalities, … */
export const ACTORS = ["anonymous", "coordinatorA", "coordinatorB", "national", "officerX", "officerY", "admin"] as const;
export type Actor = (typeof ACTORS)[number];

/**
 * - allowed: passed authorization and scope (the answer may still be a rule refusal);
 * - notFound: answered as if the record did not exist (null, or a NOT_FOUND refusal);
 * - refused: a FORBIDDEN error, no data.
 */
export type Outcome = "allowed" | "notFound" | "refused";

export interface Fixtures {
  prisma: Prisma;
  /** Coordinator A's and B's locations (different locations of the seed). */
  locationIds: { A: string[]; B: string[] };
  /** Officer X's and Y's municipalities. */
  municipalityIds: { X: string[]; Y: string[] };
  userIds: Record<Exclude<Actor, "anonymous">, string>;
  gid: (typename: string, id: string) => string;
}

export interface OperationCase {
  /** One GraphQL document calling the operation once. */
  document: string;
  /** Variables that point at records in coordinator A's / officer X's scope. May create what they need. */
  variables?: (f: Fixtures) => Promise<Record<string, unknown>> | Record<string, unknown>;
  expect: Record<Actor, Outcome>;
}

/** Keyed "Query.<field>" or "Mutation.<field>". */
export type Expectations = Record<string, OperationCase>;

export const gid = encodeGlobalID;

/** Shorthands for common rows of the matrix. */
export const only = (allowed: Actor[], otherwise: Outcome = "refused"): Record<Actor, Outcome> =>
  Object.fromEntries(ACTORS.map((a) => [a, allowed.includes(a) ? "allowed" : otherwise])) as Record<Actor, Outcome>;

/** Coordinator A's own record: A may, B finds nothing, everyone else is refused. */
export const coordinatorAOnly = (): Record<Actor, Outcome> => ({ ...only(["coordinatorA"]), coordinatorB: "notFound" });

/** Every logged-in user; anonymous refused. */
export const loggedIn = (): Record<Actor, Outcome> => ({ ...only([...ACTORS]), anonymous: "refused" });
