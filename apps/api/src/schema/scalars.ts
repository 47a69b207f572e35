import { isIsoDate } from "@homestart/domain";
import { GraphQLError, Kind } from "graphql";
import { builder } from "../builder.ts";

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Parses YYYY-MM-DD into the same string, refusing impossible dates like 2023-02-29. */
export function parseIsoDate(value: unknown): string {
  if (typeof value !== "string" || !ISO_DATE.test(value)) {
    throw new GraphQLError("Expected a date as YYYY-MM-DD.", { extensions: { code: "BAD_USER_INPUT" } });
  }
  const d = new Date(`${value}T00:00:00Z`);
  // The domain's calendar too (it has no year 0000, which JavaScript's Date accepts), so every date
  // that gets in can be compared by the rules without a RangeError (found by the fuzz test).
  if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== value || !isIsoDate(value)) {
    throw new GraphQLError(`${value} is not a calendar date.`, { extensions: { code: "BAD_USER_INPUT" } });
  }
  return value;
}

builder.scalarType("Date", {
  description: "A calendar date, ISO 8601 (YYYY-MM-DD).",
  serialize: (value) => (value instanceof Date ? value.toISOString().slice(0, 10) : String(value)),
  parseValue: parseIsoDate,
  parseLiteral: (ast) => parseIsoDate(ast.kind === Kind.STRING ? ast.value : null),
});

builder.scalarType("DateTime", {
  description: "A moment in time, ISO 8601 with time zone.",
  serialize: (value) => (value instanceof Date ? value.toISOString() : String(value)),
  parseValue: (value) => {
    const d = typeof value === "string" ? new Date(value) : new Date(Number.NaN);
    if (Number.isNaN(d.getTime())) throw new GraphQLError("Expected an ISO 8601 date-time.", { extensions: { code: "BAD_USER_INPUT" } });
    return d;
  },
});
