export { openDatabase, type Database, type OpenOptions, type Prisma } from "./client.ts";
export { DatabaseConfigError, redactUrl, resolveDatabaseTarget, type DatabaseTarget } from "./connection.ts";
export { DatabaseNotMigratedError, DatabaseUnavailableError, describeConnectionError } from "./errors.ts";
export { PrismaClient, Prisma as PrismaNamespace } from "./generated/prisma/client.ts";
export * from "./generated/prisma/enums.ts";
export type * from "./generated/prisma/models.ts";
