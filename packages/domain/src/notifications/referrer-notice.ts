import { type ConsentEvent, mayDo } from "../consent/consent-state.ts";
import { formatDateEn, formatDateNl, type IsoDate } from "../shared/dates.ts";
import type { IsoDateTime } from "../shared/datetimes.ts";
import type { ClosureReason, FamilyStatus, GoalsReached, NotificationKind, RegistrationSource } from "../shared/enums.ts";
import { allow, type Reason, type RuleResult, reason, refuse } from "../shared/result.ts";

/**
 * Notices to the referrer (seed 004, stappenplan verwijzers: "Bij aanvang én bij afsluiting van de
 * Home-Start ondersteuning krijg je bericht"; "Informatie over het gezin en de ondersteuning wordt
 * alleen verstrekt als ouders dit zelf willen").
 * - NOTIFY_REFERRER_START_END: the bare notice, nothing the referrer does not already know
 *   (they referred the family, so they know its name).
 * - SHARE_DETAILS_WITH_REFERRER on top: the closure reason and whether goals were reached.
 * - Neither (or PROCESSING withdrawn): no notice, with the reason.
 */
export interface LocalizedText {
  nl: string;
  en: string;
}

export type NoticeDetail = "BARE" | "WITH_DETAILS";

export interface ReferrerNotice {
  kind: NotificationKind;
  detail: NoticeDetail;
  subject: LocalizedText;
  body: LocalizedText;
}

export interface ReferrerNoticeInput {
  kind: NotificationKind;
  /** The moment of sending; consents are judged at this instant. */
  now: IsoDateTime;
  consents: readonly ConsentEvent[];
  /** Null when the family registered itself. */
  referrer: { name: string } | null;
  /** The family's name as the referrer knows it from the referral. */
  familyName: string;
  locationName: string;
  coordinatorName: string;
  supportStartOn: IsoDate | null;
  closure: { closedOn: IsoDate; reason: ClosureReason; goalsReached: GoalsReached | null } | null;
  /** Kinds already sent (ReferrerNotification is unique per family and kind). */
  alreadySent: readonly NotificationKind[];
}

export const CLOSURE_REASON_TEXT: Record<ClosureReason, LocalizedText> = {
  GOALS_REACHED: { nl: "de doelen zijn bereikt", en: "the goals were reached" },
  FAMILY_ENDED: { nl: "het gezin heeft de ondersteuning beëindigd", en: "the family ended the support" },
  MOVED_AWAY: { nl: "het gezin is verhuisd", en: "the family moved away" },
  REFERRED_TO_PROFESSIONAL_CARE: {
    nl: "het gezin is doorverwezen naar professionele hulp",
    en: "the family was referred to professional care",
  },
  NO_MATCH_POSSIBLE: { nl: "er was geen passende vrijwilliger beschikbaar", en: "no suitable volunteer was available" },
  OTHER: { nl: "een andere reden", en: "another reason" },
};

export const GOALS_REACHED_TEXT: Record<GoalsReached, LocalizedText> = {
  ALL: { nl: "alle doelen zijn bereikt", en: "all goals were reached" },
  PARTLY: { nl: "de doelen zijn deels bereikt", en: "the goals were partly reached" },
  NONE: { nl: "de doelen zijn niet bereikt", en: "the goals were not reached" },
};

/** Which notices are due now: START while support runs, END once closed; each once, only for referred families. */
export function dueReferrerNotices(family: {
  source: RegistrationSource;
  status: FamilyStatus;
  supportStartOn: IsoDate | null;
  alreadySent: readonly NotificationKind[];
}): NotificationKind[] {
  if (family.source !== "REFERRER") return [];
  const due: NotificationKind[] = [];
  if (family.status === "ACTIVE" && family.supportStartOn !== null) due.push("START");
  if (family.status === "CLOSED") due.push("END");
  return due.filter((k) => !family.alreadySent.includes(k));
}

/** The notice due to the referrer, with what consent allows it to contain, or why there is none. */
export function referrerNotice(input: ReferrerNoticeInput): RuleResult<ReferrerNotice> {
  const blocked = blockingReasons(input);
  if (blocked.length > 0) return refuse(...blocked);
  const notify = mayDo(input.consents, "NOTIFY_REFERRER", input.now);
  if (!notify.ok) {
    return refuse(
      reason(
        "NO_NOTICE_WITHOUT_CONSENT",
        "De verwijzer krijgt geen bericht: de ouders hebben daar (nu) geen toestemming voor gegeven.",
        "No notice to the referrer: the parents have not (or no longer) consented to it.",
      ),
      ...notify.reasons,
    );
  }
  const share = mayDo(input.consents, "SHARE_DETAILS_WITH_REFERRER", input.now);
  const detail: NoticeDetail = share.ok ? "WITH_DETAILS" : "BARE";
  const notes: Reason[] = share.ok
    ? []
    : [
        reason(
          "DETAILS_NOT_SHARED",
          "Alleen het kale bericht: de ouders hebben geen toestemming gegeven om details te delen.",
          "Bare notice only: the parents have not consented to sharing details.",
        ),
      ];
  const content = input.kind === "START" ? startNotice(input, detail) : endNotice(input, detail);
  return allow({ kind: input.kind, detail, ...content }, notes);
}

function blockingReasons(input: ReferrerNoticeInput): Reason[] {
  if (input.referrer === null) {
    return [
      reason(
        "NO_REFERRER",
        "Het gezin heeft zich zelf aangemeld; er is geen verwijzer.",
        "The family registered itself; there is no referrer.",
      ),
    ];
  }
  if (input.alreadySent.includes(input.kind)) {
    return [reason("NOTICE_ALREADY_SENT", "Dit bericht is al verstuurd.", "This notice has already been sent.")];
  }
  if (input.kind === "START" && input.supportStartOn === null) {
    return [reason("SUPPORT_NOT_STARTED", "De ondersteuning is nog niet gestart.", "Support has not started yet.")];
  }
  if (input.kind === "END" && input.closure === null) {
    return [reason("SUPPORT_NOT_CLOSED", "De ondersteuning is nog niet afgesloten.", "Support has not been closed yet.")];
  }
  return [];
}

type Content = { subject: LocalizedText; body: LocalizedText };

function letter(input: ReferrerNoticeInput, lines: LocalizedText[]): LocalizedText {
  const name = input.referrer?.name ?? "";
  const sign = `${input.coordinatorName}\nCoördinator Home-Start ${input.locationName}`;
  return {
    nl: [`Beste ${name},`, ...lines.map((l) => l.nl), `Met vriendelijke groet,\n${sign}`].join("\n\n"),
    en: [`Dear ${name},`, ...lines.map((l) => l.en), `Kind regards,\n${sign.replace("Coördinator", "Coordinator")}`].join("\n\n"),
  };
}

function startNotice(input: ReferrerNoticeInput, detail: NoticeDetail): Content {
  const on = input.supportStartOn!;
  const lines: LocalizedText[] = [
    {
      nl: `De Home-Start ondersteuning van het gezin ${input.familyName}, dat u naar ons heeft verwezen, is gestart op ${formatDateNl(on)}.`,
      en: `Home-Start support for the ${input.familyName} family, whom you referred to us, started on ${formatDateEn(on)}.`,
    },
  ];
  if (detail === "WITH_DETAILS") {
    lines.push({
      nl: "De ouders vinden het goed dat wij u bij de afsluiting ook laten weten hoe de ondersteuning is verlopen.",
      en: "The parents agree that at the end we also tell you how the support went.",
    });
  }
  return {
    subject: { nl: `Home-Start ${input.locationName}: ondersteuning gestart`, en: `Home-Start ${input.locationName}: support started` },
    body: letter(input, lines),
  };
}

function endNotice(input: ReferrerNoticeInput, detail: NoticeDetail): Content {
  const closure = input.closure!;
  const lines: LocalizedText[] = [
    {
      nl: `De Home-Start ondersteuning van het gezin ${input.familyName}, dat u naar ons heeft verwezen, is afgesloten op ${formatDateNl(closure.closedOn)}.`,
      en: `Home-Start support for the ${input.familyName} family, whom you referred to us, was closed on ${formatDateEn(closure.closedOn)}.`,
    },
  ];
  if (detail === "WITH_DETAILS") {
    const why = CLOSURE_REASON_TEXT[closure.reason];
    lines.push({
      nl: `Met toestemming van de ouders: de ondersteuning is afgesloten omdat ${why.nl}.`,
      en: `With the parents' consent: support was closed because ${why.en}.`,
    });
    if (closure.goalsReached !== null) {
      const goals = GOALS_REACHED_TEXT[closure.goalsReached];
      lines.push({ nl: `Bij de afsluiting gaven de ouders aan dat ${goals.nl}.`, en: `At the closure the parents said that ${goals.en}.` });
    }
  }
  return {
    subject: { nl: `Home-Start ${input.locationName}: ondersteuning afgesloten`, en: `Home-Start ${input.locationName}: support closed` },
    body: letter(input, lines),
  };
}
