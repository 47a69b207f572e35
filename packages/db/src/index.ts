export { type Database, type OpenOptions, openDatabase, type Prisma, type QueryEvent } from "./client.ts";
export { DatabaseConfigError, type DatabaseTarget, redactUrl, resolveDatabaseTarget } from "./connection.ts";
export { DatabaseNotMigratedError, DatabaseUnavailableError, describeConnectionError } from "./errors.ts";
export type {
  AgePolicy,
  AuditEntry,
  Child,
  Closure,
  ConsentEvent,
  Evaluation,
  Family,
  GroupMeeting,
  GroupMeetingAttendance,
  ImprovementAction,
  Licence,
  LicenceMunicipality,
  LicenceStatusChange,
  Location,
  LocationMunicipality,
  LoginThrottle,
  Match,
  MunicipalDecision,
  Municipality,
  Organisation,
  OutboxEmail,
  Parent,
  QualityReview,
  QualityReviewReviewer,
  Referral,
  Referrer,
  ReferrerNotification,
  Session,
  SupervisionMeeting,
  SupportQuestion,
  User,
  UserLocationScope,
  UserMunicipalityScope,
  Visit,
  Volunteer,
} from "./generated/prisma/client.ts";
export { Prisma as PrismaNamespace, PrismaClient } from "./generated/prisma/client.ts";
export * from "./generated/prisma/enums.ts";
export { type ComputedColumns, findFirstAsJson, findManyAsJson, type ReadAudit, type SelectionQuery } from "./json-select.ts";
export { type MigrationReport, migrateEmbedded, migrateEmbeddedDirectory } from "./migrate-embedded.ts";
