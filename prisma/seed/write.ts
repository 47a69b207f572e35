// Writes a built demo data set, table by table in foreign-key order, with createMany in batches.
import type { PrismaNamespace as P } from "../../packages/db/src/index.ts";
import type { DemoData } from "./build.ts";
import type { MunicipalityRow } from "./municipalities.ts";
import { hashString, IdFactory, Random } from "./random.ts";

export type TableName = keyof DemoData | "municipalities";

/** The client to write with: a transaction client (or the client itself). */
export type Writer = P.TransactionClient;

async function inBatches<T>(rows: readonly T[], size: number, insert: (batch: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += size) await insert(rows.slice(i, i + size));
}

/** A stable id per municipality code, so a seeded database is the same every time. */
export function municipalityId(code: string): string {
  return new IdFactory(new Random(hashString(`municipality:${code}`))).next();
}

/** Inserts the municipalities that are not there yet; returns all of them by code. */
export async function writeMunicipalities(
  tx: Writer,
  rows: readonly MunicipalityRow[],
): Promise<Map<string, { id: string; name: string }>> {
  await inBatches(rows, 500, (batch) =>
    tx.municipality.createMany({ data: batch.map((m) => ({ id: municipalityId(m.code), ...m })), skipDuplicates: true }),
  );
  const all = await tx.municipality.findMany({ select: { id: true, code: true, name: true } });
  return new Map(all.map((m) => [m.code, { id: m.id, name: m.name }]));
}

export async function writeDemoData(tx: Writer, data: DemoData, progress?: (table: TableName, rows: number) => void): Promise<void> {
  const step = async <T>(table: keyof DemoData, rows: readonly T[], insert: (batch: T[]) => Promise<unknown>, size = 1000) => {
    await inBatches(rows, size, insert);
    progress?.(table, rows.length);
  };
  await step("users", data.users, (d) => tx.user.createMany({ data: d }));
  await step("organisations", data.organisations, (d) => tx.organisation.createMany({ data: d }));
  await step("locations", data.locations, (d) => tx.location.createMany({ data: d }));
  await step("locationMunicipalities", data.locationMunicipalities, (d) => tx.locationMunicipality.createMany({ data: d }));
  await step("agePolicies", data.agePolicies, (d) => tx.agePolicy.createMany({ data: d }));
  await step("municipalDecisions", data.municipalDecisions, (d) => tx.municipalDecision.createMany({ data: d }));
  await step("licences", data.licences, (d) => tx.licence.createMany({ data: d }));
  await step("licenceMunicipalities", data.licenceMunicipalities, (d) => tx.licenceMunicipality.createMany({ data: d }));
  await step("licenceStatusChanges", data.licenceStatusChanges, (d) => tx.licenceStatusChange.createMany({ data: d }));
  await step("qualityReviews", data.qualityReviews, (d) => tx.qualityReview.createMany({ data: d }));
  await step("qualityReviewReviewers", data.qualityReviewReviewers, (d) => tx.qualityReviewReviewer.createMany({ data: d }));
  await step("improvementActions", data.improvementActions, (d) => tx.improvementAction.createMany({ data: d }));
  await step("userLocationScopes", data.userLocationScopes, (d) => tx.userLocationScope.createMany({ data: d }));
  await step("userMunicipalityScopes", data.userMunicipalityScopes, (d) => tx.userMunicipalityScope.createMany({ data: d }));
  await step("referrers", data.referrers, (d) => tx.referrer.createMany({ data: d }));
  await step("volunteers", data.volunteers, (d) => tx.volunteer.createMany({ data: d }));
  await step("families", data.families, (d) => tx.family.createMany({ data: d }));
  await step("parents", data.parents, (d) => tx.parent.createMany({ data: d }));
  await step("children", data.children, (d) => tx.child.createMany({ data: d }));
  await step("referrals", data.referrals, (d) => tx.referral.createMany({ data: d }));
  await step("consentEvents", data.consentEvents, (d) => tx.consentEvent.createMany({ data: d }));
  await step("supportQuestions", data.supportQuestions, (d) => tx.supportQuestion.createMany({ data: d }));
  await step("matches", data.matches, (d) => tx.match.createMany({ data: d }));
  await step("visits", data.visits, (d) => tx.visit.createMany({ data: d }), 2500);
  await step("evaluations", data.evaluations, (d) => tx.evaluation.createMany({ data: d }));
  await step("closures", data.closures, (d) => tx.closure.createMany({ data: d }));
  await step("referrerNotifications", data.referrerNotifications, (d) => tx.referrerNotification.createMany({ data: d }));
  await step("outboxEmails", data.outboxEmails, (d) => tx.outboxEmail.createMany({ data: d }));
  await step("groupMeetings", data.groupMeetings, (d) => tx.groupMeeting.createMany({ data: d }));
  await step("groupMeetingAttendances", data.groupMeetingAttendances, (d) => tx.groupMeetingAttendance.createMany({ data: d }));
  await step("supervisionMeetings", data.supervisionMeetings, (d) => tx.supervisionMeeting.createMany({ data: d }));
  await step("auditEntries", data.auditEntries, (d) => tx.auditEntry.createMany({ data: d }));
}
