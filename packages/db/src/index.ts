export { type Database, type OpenOptions, openDatabase, type Prisma } from "./client.ts";
export { DatabaseConfigError, type DatabaseTarget, redactUrl, resolveDatabaseTarget } from "./connection.ts";
export { DatabaseNotMigratedError, DatabaseUnavailableError, describeConnectionError } from "./errors.ts";
export { Prisma as PrismaNamespace, PrismaClient } from "./generated/prisma/client.ts";
export * from "./generated/prisma/enums.ts";
export type * from "./generated/prisma/models.ts";
