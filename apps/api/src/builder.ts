import type { Prisma, Role } from "@homestart/db";
import type PrismaTypes from "@homestart/db/pothos-types";
import { getDatamodel } from "@homestart/db/pothos-types";
import SchemaBuilder from "@pothos/core";
import ErrorsPlugin from "@pothos/plugin-errors";
import PrismaPlugin from "@pothos/plugin-prisma";
import RelayPlugin from "@pothos/plugin-relay";
import ScopeAuthPlugin from "@pothos/plugin-scope-auth";
import { GraphQLError } from "graphql";
import type { Context } from "./context.ts";

export interface AuthScopes {
  loggedIn: boolean;
  coordinator: boolean;
  nationalStaff: boolean;
  municipalOfficer: boolean;
  admin: boolean;
}

const hasRole = (ctx: Context, role: Role) => ctx.viewer?.role === role;

export const builder = new SchemaBuilder<{
  Context: Context;
  PrismaTypes: PrismaTypes;
  AuthScopes: AuthScopes;
  DefaultFieldNullability: false;
  DefaultInputFieldRequiredness: true;
  Scalars: {
    DateTime: { Input: Date; Output: Date };
    /** A calendar date, ISO 8601 (YYYY-MM-DD). */
    Date: { Input: string; Output: Date | string };
  };
}>({
  // Scope auth first, so every other plugin's fields are checked (Pothos docs).
  plugins: [ScopeAuthPlugin, ErrorsPlugin, PrismaPlugin, RelayPlugin],
  defaultFieldNullability: false,
  defaultInputFieldRequiredness: true,
  scopeAuth: {
    // A type's scopes are checked once per object (isTypeOf) rather than wrapped around each of
    // its fields: a page of 50 families is 50 checks, not 50 × its fields (issue 7). An object
    // the viewer may not see resolves to an error in its place, as before, with no field of it.
    runScopesOnType: true,
    authScopes: async (ctx) => ({
      loggedIn: ctx.viewer !== null,
      coordinator: hasRole(ctx, "COORDINATOR"),
      nationalStaff: hasRole(ctx, "NATIONAL_STAFF"),
      municipalOfficer: hasRole(ctx, "MUNICIPAL_OFFICER"),
      admin: hasRole(ctx, "ADMIN"),
    }),
    unauthorizedError: () => new GraphQLError("Not authorised. / Geen toegang.", { extensions: { code: "FORBIDDEN" } }),
  },
  errors: { defaultTypes: [] },
  prisma: {
    // Each request (and each test) brings its own client in the context.
    client: (ctx: Context): Prisma => ctx.prisma,
    dmmf: getDatamodel(),
    filterConnectionTotalCount: true,
    // Shows a forgotten `...query` (an N+1) at once outside production (stack notes).
    onUnusedQuery: process.env.NODE_ENV === "production" ? null : "error",
  },
  // No generic node(id)/nodes(ids) lookup: every record is reached through a field that
  // scopes and audits it.
  relay: { clientMutationId: "omit", cursorType: "String", nodeQueryOptions: false, nodesQueryOptions: false },
});

// Deny by default: every root field needs a logged-in user unless it opts out explicitly
// (login, me); object types and fields narrow further by role and scope.
builder.queryType({ authScopes: { loggedIn: true } });
builder.mutationType({ authScopes: { loggedIn: true } });
