import type { Signal } from "../lifecycle/dashboard-signals.ts";
import type { NotificationKind } from "../shared/enums.ts";

/**
 * A referrer notice that could not be delivered needs the coordinator (seed 004: the referrer "krijgt
 * bericht" at start and closure). FAILED notices are an ALERT; they stay until sent or cancelled.
 */
export interface NoticeForSignals {
  familyId: string;
  kind: NotificationKind;
  status: "PENDING" | "SENT" | "FAILED" | "CANCELLED";
  attempts: number;
}

export function failedNoticeSignals(notices: readonly NoticeForSignals[]): Signal[] {
  return notices
    .filter((n) => n.status === "FAILED")
    .map((n) => ({
      code: "REFERRER_NOTICE_FAILED",
      severity: "ALERT" as const,
      nl: `Het bericht aan de verwijzer (${n.kind === "START" ? "start" : "afsluiting"}) kon niet worden verstuurd (${n.attempts} pogingen).`,
      en: `The notice to the referrer (${n.kind === "START" ? "start" : "closure"}) could not be sent (${n.attempts} attempts).`,
      familyId: n.familyId,
      volunteerId: null,
      dueOn: null,
    }));
}
