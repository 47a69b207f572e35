/** The database cannot be reached or used right now; the message is safe to show an operator. */
export class DatabaseUnavailableError extends Error {
  override name = "DatabaseUnavailableError";
}

/** The database is reachable but its schema is older than the code. */
export class DatabaseNotMigratedError extends Error {
  override name = "DatabaseNotMigratedError";
}

const PG_CODES: Record<string, string> = {
  ECONNREFUSED: "the connection was refused (is the server running?)",
  ENOTFOUND: "the host name does not resolve",
  ETIMEDOUT: "the connection timed out",
  ECONNRESET: "the connection was reset",
  "57P01": "the server is shutting down",
  "57P03": "the server is starting up or shutting down",
  "3D000": "the database does not exist (create it first, e.g. createdb)",
  "28P01": "the password was rejected",
  "28000": "the server refused this user",
};

/** Explains a driver error in one line, without the URL's password or any data. */
export function describeConnectionError(error: unknown): string {
  const e = error as { code?: string; message?: string; errors?: Array<{ code?: string }> };
  const code = e?.code ?? e?.errors?.[0]?.code;
  if (code && PG_CODES[code]) return PG_CODES[code];
  return e?.message?.split("\n")[0] ?? String(error);
}
