// Builds the whole demo data set in memory: a pure function of (today, scale, municipality ids,
// password hash). Writing it to the database is a separate step (write.ts).
import { withDuplicateKeys } from "@homestart/domain";
import type { PrismaNamespace as P } from "../../packages/db/src/index.ts";
import {
  type ClosureReason,
  type EvaluationKind,
  type FamilyStatus,
  type FeePaymentStatus,
  type GoalsReached,
  type HouseholdType,
  type LicenceStatus,
  type ReferrerType,
  type RiskFactor,
  Role,
  type VolunteerStatus,
} from "../../packages/db/src/index.ts";
import {
  addMonths,
  addYears,
  type Day,
  dayOf,
  firstOfMonth,
  formatDay,
  formatDayNl,
  nextWorkday,
  parseDay,
  toDate,
  toTimestamp,
  weekday,
  yearOf,
} from "./dates.ts";
import {
  AVAILABILITY_SLOTS,
  DEMO_COORDINATOR_LOCATION,
  DEMO_COORDINATOR2_LOCATION,
  DEMO_DOMAIN,
  DEMO_OFFICER_MUNICIPALITY,
  FINAL_SUMMARIES,
  FINDINGS,
  GROUP_MEETING_TITLES,
  GROUP_MEETING_TOPICS,
  INTERIM_SUMMARIES,
  type Language,
  LICENCE_CONDITIONS,
  LICENCE_QUALITY_STANDARDS,
  LOCATIONS,
  type LocationSpec,
  NAMES,
  ORGANISATIONS,
  PEOPLE_FIRST,
  type ReviewSpec,
  STREETS,
  SUPERVISION_NOTES,
  SUPPORT_QUESTIONS,
  VISIT_NOTES,
} from "./fixtures.ts";
import { IdFactory, Random, stratified } from "./random.ts";

/** Rows per table, in an order that satisfies every foreign key when inserted front to back. */
export interface DemoData {
  users: P.UserCreateManyInput[];
  organisations: P.OrganisationCreateManyInput[];
  locations: P.LocationCreateManyInput[];
  locationMunicipalities: P.LocationMunicipalityCreateManyInput[];
  agePolicies: P.AgePolicyCreateManyInput[];
  municipalDecisions: P.MunicipalDecisionCreateManyInput[];
  licences: P.LicenceCreateManyInput[];
  licenceMunicipalities: P.LicenceMunicipalityCreateManyInput[];
  licenceStatusChanges: P.LicenceStatusChangeCreateManyInput[];
  qualityReviews: P.QualityReviewCreateManyInput[];
  qualityReviewReviewers: P.QualityReviewReviewerCreateManyInput[];
  improvementActions: P.ImprovementActionCreateManyInput[];
  userLocationScopes: P.UserLocationScopeCreateManyInput[];
  userMunicipalityScopes: P.UserMunicipalityScopeCreateManyInput[];
  referrers: P.ReferrerCreateManyInput[];
  volunteers: P.VolunteerCreateManyInput[];
  families: P.FamilyCreateManyInput[];
  parents: P.ParentCreateManyInput[];
  children: P.ChildCreateManyInput[];
  referrals: P.ReferralCreateManyInput[];
  consentEvents: P.ConsentEventCreateManyInput[];
  supportQuestions: P.SupportQuestionCreateManyInput[];
  matches: P.MatchCreateManyInput[];
  visits: P.VisitCreateManyInput[];
  evaluations: P.EvaluationCreateManyInput[];
  closures: P.ClosureCreateManyInput[];
  referrerNotifications: P.ReferrerNotificationCreateManyInput[];
  outboxEmails: P.OutboxEmailCreateManyInput[];
  groupMeetings: P.GroupMeetingCreateManyInput[];
  groupMeetingAttendances: P.GroupMeetingAttendanceCreateManyInput[];
  supervisionMeetings: P.SupervisionMeetingCreateManyInput[];
  auditEntries: P.AuditEntryCreateManyInput[];
}

export interface DemoStats {
  families: number;
  referredShare: number;
  singleParentShare: number;
  /** Visited hours per year of support (sum of visit time / sum of match durations). */
  hoursPerFamilyYear: number;
  familiesByStatus: Record<FamilyStatus, number>;
}

export interface BuildInput {
  today: string;
  scale: number;
  /** Municipalities in the database, by CBS code. */
  municipalities: ReadonlyMap<string, { id: string; name: string }>;
  passwordHash: string;
}

export const DEMO_EMAIL = {
  admin: `admin@${DEMO_DOMAIN}`,
  national: `landelijk@${DEMO_DOMAIN}`,
  reviewer: `visitatie@${DEMO_DOMAIN}`,
  coordinator: `coordinator@${DEMO_DOMAIN}`,
  coordinator2: `coordinator2@${DEMO_DOMAIN}`,
  officer: `gemeente@${DEMO_DOMAIN}`,
} as const;

const SEED = 0x5eed2026;
const INFINITE = Number.POSITIVE_INFINITY;

function emptyData(): DemoData {
  return {
    users: [],
    organisations: [],
    locations: [],
    locationMunicipalities: [],
    agePolicies: [],
    municipalDecisions: [],
    licences: [],
    licenceMunicipalities: [],
    licenceStatusChanges: [],
    qualityReviews: [],
    qualityReviewReviewers: [],
    improvementActions: [],
    userLocationScopes: [],
    userMunicipalityScopes: [],
    referrers: [],
    volunteers: [],
    families: [],
    parents: [],
    children: [],
    referrals: [],
    consentEvents: [],
    supportQuestions: [],
    matches: [],
    visits: [],
    evaluations: [],
    closures: [],
    referrerNotifications: [],
    outboxEmails: [],
    groupMeetings: [],
    groupMeetingAttendances: [],
    supervisionMeetings: [],
    auditEntries: [],
  };
}

/** Lower-case ASCII for e-mail addresses: "Şahin" → "sahin", "van der Meer" → "vandermeer". */
export function slug(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/ı/g, "i")
    .replace(/ł/g, "l")
    .toLowerCase()
    .replace(/[^a-z0-9]/g, "");
}

const POSTCODE_LETTERS = "ABCDEGHJKLMNPRTVWXZ";

interface PolicyInForce {
  max: number;
  from: Day;
  until: Day | null;
}

interface ServedMunicipality {
  code: string;
  id: string;
  name: string;
  weight: number;
  postcodes: readonly [number, number];
  servedFrom: Day;
  policies: PolicyInForce[];
}

interface LocationState {
  spec: LocationSpec;
  id: string;
  startedOn: Day;
  closedOn: Day | null;
  served: ServedMunicipality[];
  coordinatorId: string;
  /** No new registrations from this day (a suspended licence). */
  registrationsUntil: Day | null;
}

interface VolunteerState {
  id: string;
  from: Day;
  until: Day;
  maxFamilies: number;
  languages: string[];
  ageGroups: string[];
  municipalityId: string | null;
  intervals: Array<readonly [Day, Day]>;
}

interface ActiveFamily {
  id: string;
  from: Day;
  until: Day;
  twoParents: boolean;
  births: Day[];
}

class Builder {
  readonly data = emptyData();
  readonly today: Day;
  readonly windowStart: Day;
  readonly rng: Random;
  readonly ids: IdFactory;
  readonly input: BuildInput;
  readonly userIds = new Map<string, string>();
  #licenceSeq = 0;
  #visitMinutes = 0;
  #supportDays = 0;

  constructor(input: BuildInput) {
    this.input = input;
    this.today = parseDay(input.today);
    this.windowStart = addYears(this.today, -3);
    this.rng = new Random(SEED);
    this.ids = new IdFactory(this.rng.fork("ids"));
  }

  municipality(code: string): { id: string; name: string } {
    const m = this.input.municipalities.get(code);
    if (!m) throw new Error(`Municipality ${code} is missing from the reference data`);
    return m;
  }

  user(email: string): string {
    const id = this.userIds.get(email);
    if (!id) throw new Error(`No demo user ${email}`);
    return id;
  }

  build(): { data: DemoData; stats: DemoStats } {
    this.addUsers();
    this.addOrganisations();
    const locations = LOCATIONS.map((spec) => this.addLocation(spec));
    for (const location of locations) {
      if (location.closedOn === null) this.addPeople(location);
    }
    this.markFailedNotification();
    this.addLogins();
    this.data.auditEntries.push({
      at: toTimestamp(this.today, 6),
      userId: null,
      action: "seed.demo",
      entityType: "Database",
      entityId: null,
      detail: { today: this.input.today, scale: this.input.scale, families: this.data.families.length },
    });
    return { data: this.data, stats: this.stats() };
  }

  stats(): DemoStats {
    const families = this.data.families;
    const byStatus: Record<FamilyStatus, number> = {
      REGISTERED: 0,
      INTAKE: 0,
      WAITING_FOR_MATCH: 0,
      ACTIVE: 0,
      CLOSED: 0,
      DECLINED: 0,
      NOT_ELIGIBLE: 0,
    };
    for (const f of families) byStatus[f.status ?? "REGISTERED"] += 1;
    const typed = families.filter((f) => f.householdType);
    return {
      families: families.length,
      referredShare: families.filter((f) => f.source === "REFERRER").length / Math.max(1, families.length),
      singleParentShare: typed.filter((f) => f.householdType === "SINGLE_PARENT").length / Math.max(1, typed.length),
      hoursPerFamilyYear: this.#visitMinutes / 60 / Math.max(1e-9, this.#supportDays / 365.25),
      familiesByStatus: byStatus,
    };
  }

  // -------------------------------------------------------------------------
  // Users
  // -------------------------------------------------------------------------

  addUsers(): void {
    const hash = this.input.passwordHash;
    const created = toTimestamp(addYears(this.today, -2), 9);
    const add = (email: string, name: string, role: Role, active = true) => {
      const id = this.ids.next();
      this.userIds.set(email, id);
      this.data.users.push({ id, email, name, passwordHash: hash, role, active, locale: "nl", createdAt: created });
    };
    add(DEMO_EMAIL.admin, "Demo Beheerder", Role.ADMIN);
    add(DEMO_EMAIL.national, "Marloes Dijkstra (Landelijk Steunpunt)", Role.NATIONAL_STAFF);
    add(DEMO_EMAIL.reviewer, "Ruud Kramer (Landelijk Steunpunt)", Role.NATIONAL_STAFF);
    add(DEMO_EMAIL.officer, "Erik Bosman (gemeente Amersfoort)", Role.MUNICIPAL_OFFICER);
    for (const spec of LOCATIONS) {
      const name = `${spec.coordinator.firstName} ${spec.coordinator.lastName}`;
      add(this.coordinatorEmail(spec), name, Role.COORDINATOR, spec.closedYearsAgo === undefined);
    }
    this.data.userMunicipalityScopes.push({
      userId: this.user(DEMO_EMAIL.officer),
      municipalityId: this.municipality(DEMO_OFFICER_MUNICIPALITY).id,
    });
  }

  /** Recent logins of the active staff (audit entries, as the API writes them) and their last login. */
  addLogins(): void {
    const rng = this.rng.fork("logins");
    const entries: P.AuditEntryCreateManyInput[] = [];
    for (const user of this.data.users) {
      if (user.active === false || !user.id) continue;
      const days = [...new Set(Array.from({ length: rng.int(2, 6) }, () => nextWorkday(this.today - rng.int(1, 45))))]
        .filter((d) => d < this.today)
        .sort((a, b) => a - b);
      let last: Date | null = null;
      for (const day of days) {
        last = toTimestamp(day, rng.int(7, 9), rng.int(0, 59));
        entries.push({ at: last, userId: user.id, action: "login", entityType: "User", entityId: user.id });
      }
      user.lastLoginAt = last;
    }
    entries.sort((a, b) => (a.at as Date).getTime() - (b.at as Date).getTime());
    this.data.auditEntries.push(...entries);
  }

  coordinatorEmail(spec: LocationSpec): string {
    if (spec.key === DEMO_COORDINATOR_LOCATION) return DEMO_EMAIL.coordinator;
    if (spec.key === DEMO_COORDINATOR2_LOCATION) return DEMO_EMAIL.coordinator2;
    return `coordinator.${spec.key}@${DEMO_DOMAIN}`;
  }

  // -------------------------------------------------------------------------
  // Organisations, locations, municipalities, licences, visitaties
  // -------------------------------------------------------------------------

  readonly organisationIds = new Map<string, string>();

  addOrganisations(): void {
    for (const o of ORGANISATIONS) {
      const id = this.ids.next();
      this.organisationIds.set(o.key, id);
      const created = toTimestamp(dayOf(2015, 1, 5), 10);
      this.data.organisations.push({
        id,
        name: o.name,
        city: o.city,
        email: o.email,
        phone: o.phone,
        createdAt: created,
        updatedAt: created,
      });
    }
  }

  addLocation(spec: LocationSpec): LocationState {
    const rng = this.rng.fork(`location:${spec.key}`);
    const T = this.today;
    const id = this.ids.next();
    const organisationId = this.organisationIds.get(spec.organisation);
    if (!organisationId) throw new Error(`Unknown organisation ${spec.organisation}`);
    const startedOn = parseDay(spec.startedOn);
    const closedOn = spec.closedYearsAgo === undefined ? null : dayOf(yearOf(T) - spec.closedYearsAgo, 12, 31);
    const coordinatorId = this.user(this.coordinatorEmail(spec));
    this.data.locations.push({
      id,
      organisationId,
      name: spec.name,
      city: spec.city,
      phone: spec.phone,
      email: `${spec.key}@${DEMO_DOMAIN}`,
      startedOn: toDate(startedOn),
      closedOn: closedOn === null ? null : toDate(closedOn),
      createdAt: toTimestamp(Math.max(startedOn - 30, dayOf(2015, 1, 5)), 10),
      updatedAt: toTimestamp(closedOn ?? addMonths(T, -1), 10),
    });
    this.data.userLocationScopes.push({ userId: coordinatorId, locationId: id });

    const national = this.user(DEMO_EMAIL.national);
    const served: ServedMunicipality[] = spec.municipalities.map((m) => {
      const ref = this.municipality(m.code);
      const servedFrom = m.joinedMonthsAgo === undefined ? startedOn : firstOfMonth(addMonths(T, -m.joinedMonthsAgo));
      this.data.locationMunicipalities.push({
        id: this.ids.next(),
        locationId: id,
        municipalityId: ref.id,
        servedFrom: toDate(servedFrom),
        servedUntil: closedOn === null ? null : toDate(closedOn),
      });
      const policies = m.policies.map((p) => {
        const from = p.from ? parseDay(p.from) : servedFrom;
        const until = p.until ? parseDay(p.until) : closedOn;
        this.data.agePolicies.push({
          id: this.ids.next(),
          municipalityId: ref.id,
          maxAgeInclusive: p.max,
          pregnancyWeeksFrom: 28,
          validFrom: toDate(from),
          validUntil: until === null ? null : toDate(until),
          note:
            p.note ??
            (p.max === 6 ? "Kernprogramma: 0 t/m 6 jaar, vanaf 28 weken zwangerschap." : `Verbrede doelgroep: 0 t/m ${p.max} jaar.`),
          createdAt: toTimestamp(from - 30, 11),
          createdById: national,
        });
        return { max: p.max, from, until };
      });
      return { code: m.code, id: ref.id, name: ref.name, weight: m.weight, postcodes: m.postcodes, servedFrom, policies };
    });

    const decisions = this.addDecisions(rng, organisationId, served, closedOn);
    const state: LocationState = { spec, id, startedOn, closedOn, served, coordinatorId, registrationsUntil: null };
    const reviewDays = this.addReviews(rng, state);
    this.addLicences(rng, state, organisationId, decisions, reviewDays);
    return state;
  }

  /** Per served municipality: the decisions (beschikkingen) naming the organisation; returns the ones per code. */
  addDecisions(
    rng: Random,
    organisationId: string,
    served: ServedMunicipality[],
    closedOn: Day | null,
  ): Map<string, Array<{ id: string; from: Day; until: Day | null }>> {
    const T = this.today;
    const cycleStart = dayOf(yearOf(T) - 2, 1, 1);
    const cycleEnd = dayOf(yearOf(T) + 1, 12, 31);
    const out = new Map<string, Array<{ id: string; from: Day; until: Day | null }>>();
    for (const m of served) {
      const periods: Array<[Day, Day | null]> = [];
      if (closedOn !== null) periods.push([m.servedFrom, closedOn]);
      else if (m.servedFrom < cycleStart) periods.push([m.servedFrom, cycleStart - 1], [cycleStart, cycleEnd]);
      else periods.push([m.servedFrom, cycleEnd]);
      const list: Array<{ id: string; from: Day; until: Day | null }> = [];
      for (const [from, until] of periods) {
        const id = this.ids.next();
        const decidedOn = nextWorkday(from - rng.int(35, 80));
        this.data.municipalDecisions.push({
          id,
          municipalityId: m.id,
          organisationId,
          reference: `BS-${yearOf(decidedOn)}-${m.code.slice(2)}-${rng.int(100, 999)}`,
          decidedOn: toDate(decidedOn),
          effectiveFrom: toDate(from),
          effectiveUntil: until === null ? null : toDate(until),
          note: `Beschikking: uitvoering van Home-Start in ${m.name} door de uitvoerende organisatie, ${formatDayNl(from)} t/m ${until === null ? "nader te bepalen" : formatDayNl(until)}.`,
          createdAt: toTimestamp(decidedOn, 14),
        });
        list.push({ id, from, until });
      }
      out.set(m.code, list);
    }
    return out;
  }

  /** Visitaties; returns the days of performed reviews with outcome DOES_NOT_MEET. */
  addReviews(rng: Random, location: LocationState): Day[] {
    const T = this.today;
    const failed: Day[] = [];
    const reviewers = [this.user(DEMO_EMAIL.national), this.user(DEMO_EMAIL.reviewer)];
    for (const spec of location.spec.reviews) {
      const id = this.ids.next();
      const row = this.reviewRow(rng, spec, id, location.id);
      this.data.qualityReviews.push(row.review);
      const who = spec.kind === "performed" && spec.monthsAgo > 36 ? [rng.pick(reviewers)] : reviewers;
      for (const userId of who) this.data.qualityReviewReviewers.push({ qualityReviewId: id, userId });
      if (spec.kind !== "performed") continue;
      if (spec.outcome === "DOES_NOT_MEET") failed.push(row.day);
      for (const action of spec.actions ?? []) {
        const dueOn = addMonths(row.day, action.dueMonthsAfter);
        const completedOn = action.completed ? Math.max(row.day + 7, Math.min(T - 1, dueOn - rng.int(5, 40))) : null;
        this.data.improvementActions.push({
          id: this.ids.next(),
          qualityReviewId: id,
          description: action.text,
          dueOn: toDate(dueOn),
          completedOn: completedOn === null ? null : toDate(completedOn),
        });
      }
    }
    return failed;
  }

  reviewRow(rng: Random, spec: ReviewSpec, id: string, locationId: string): { review: P.QualityReviewCreateManyInput; day: Day } {
    const T = this.today;
    if (spec.kind === "performed") {
      const day = nextWorkday(addMonths(T, -spec.monthsAgo));
      return {
        day,
        review: {
          id,
          locationId,
          status: "PERFORMED",
          plannedOn: toDate(day),
          performedOn: toDate(day),
          outcome: spec.outcome,
          findings: rng.pick(FINDINGS[spec.outcome]),
          createdAt: toTimestamp(day - 75, 10),
          updatedAt: toTimestamp(Math.min(T, day + 21), 15),
          version: 3,
        },
      };
    }
    if (spec.kind === "planned") {
      const day = nextWorkday(addMonths(T, spec.monthsFromNow));
      const created = Math.min(T, day) - 60;
      return {
        day,
        review: {
          id,
          locationId,
          status: "PLANNED",
          plannedOn: toDate(day),
          findings: "",
          createdAt: toTimestamp(created, 10),
          updatedAt: toTimestamp(created, 10),
        },
      };
    }
    const day = nextWorkday(addMonths(T, -spec.monthsAgo));
    return {
      day,
      review: {
        id,
        locationId,
        status: "CANCELLED",
        plannedOn: toDate(day),
        findings: "Geannuleerd wegens ziekte van de visitator; een nieuwe datum is gepland.",
        createdAt: toTimestamp(day - 70, 10),
        updatedAt: toTimestamp(day - 3, 16),
        version: 2,
      },
    };
  }

  addLicences(
    rng: Random,
    location: LocationState,
    organisationId: string,
    decisions: Map<string, Array<{ id: string; from: Day; until: Day | null }>>,
    failedReviews: Day[],
  ): void {
    const T = this.today;
    const spec = location.spec;
    const fee = 195_000 + 25_000 * (location.served.length - 1);
    const mainCode = location.served[0]?.code ?? "";
    const decisionAt = (day: Day) =>
      decisions.get(mainCode)?.find((d) => d.from <= day && (d.until === null || day <= d.until))?.id ?? null;
    const servedAt = (day: Day) => location.served.filter((m) => m.servedFrom <= day).map((m) => m.id);
    const allServed = location.served.map((m) => m.id);

    if (spec.licence === "terminated" && location.closedOn !== null) {
      const from = dayOf(yearOf(location.closedOn) - 1, 1, 1);
      this.licence(rng, location, organisationId, {
        status: "TERMINATED",
        appliedOn: from - 95,
        grantedOn: from - 30,
        validFrom: from,
        validUntil: addYears(from, 3) - 1,
        fee,
        feeStatus: "PAID",
        decisionId: decisionAt(from),
        municipalities: allServed,
        history: [
          ["APPLIED", from - 95],
          ["GRANTED", from - 30],
          ["ACTIVE", from],
          ["TERMINATED", location.closedOn, "Gemeente heeft de uitvoering bij een andere aanbieder belegd; licentie in overleg beëindigd."],
        ],
      });
      return;
    }

    const curFrom = firstOfMonth(addMonths(T, -spec.licenceMonthsIn));
    const curUntil = addYears(curFrom, 3) - 1;
    const prevFrom = Math.max(location.startedOn, addYears(curFrom, -3));
    if (prevFrom < curFrom - 180) {
      this.licence(rng, location, organisationId, {
        status: "EXPIRED",
        appliedOn: prevFrom - 90,
        grantedOn: prevFrom - 28,
        validFrom: prevFrom,
        validUntil: curFrom - 1,
        fee: fee - 10_000,
        feeStatus: "PAID",
        decisionId: decisionAt(prevFrom),
        municipalities: servedAt(curFrom - 1),
        history: [
          ["APPLIED", prevFrom - 90],
          ["GRANTED", prevFrom - 28],
          ["ACTIVE", prevFrom],
          ["EXPIRED", curFrom, "Looptijd verstreken; opgevolgd door een nieuwe licentie."],
        ],
      });
    }

    const current: LicencePlan = {
      status: "ACTIVE",
      appliedOn: curFrom - 100,
      grantedOn: curFrom - 35,
      validFrom: curFrom,
      validUntil: curUntil,
      fee,
      feeStatus: spec.licenceMonthsIn % 12 < 2 ? "INVOICED" : "PAID",
      decisionId: decisionAt(curFrom),
      municipalities: allServed,
      history: [
        ["APPLIED", curFrom - 100],
        ["GRANTED", curFrom - 35],
        ["ACTIVE", curFrom],
      ],
    };
    if (spec.licence === "feeOverdue") current.feeStatus = "OVERDUE";
    if (spec.licence === "suspended") {
      const failed = failedReviews[failedReviews.length - 1] ?? T - 60;
      const suspendedOn = nextWorkday(failed + 16);
      current.status = "SUSPENDED";
      current.feeStatus = "INVOICED";
      current.history.push([
        "SUSPENDED",
        suspendedOn,
        "Geschorst na de visitatie: niet aan de kwaliteitsnormen voldaan. Lopende ondersteuning gaat door; geen nieuwe aanmeldingen tot het verbeterplan is uitgevoerd.",
      ]);
      location.registrationsUntil = suspendedOn;
    }
    this.licence(rng, location, organisationId, current);

    if (spec.licence === "renewalApplied") {
      const appliedOn = nextWorkday(T - 20);
      this.licence(rng, location, organisationId, {
        status: "APPLIED",
        appliedOn,
        grantedOn: null,
        validFrom: null,
        validUntil: null,
        fee: fee + 10_000,
        feeStatus: "NOT_INVOICED",
        decisionId: decisionAt(curUntil + 1) ?? decisionAt(appliedOn),
        municipalities: allServed,
        history: [["APPLIED", appliedOn, "Verlenging aangevraagd; de huidige licentie loopt binnenkort af."]],
      });
    }
    if (spec.licence === "renewalGranted") {
      const appliedOn = nextWorkday(T - 75);
      const grantedOn = nextWorkday(T - 12);
      this.licence(rng, location, organisationId, {
        status: "GRANTED",
        appliedOn,
        grantedOn,
        validFrom: curUntil + 1,
        validUntil: addYears(curUntil + 1, 3) - 1,
        fee: fee + 10_000,
        feeStatus: "NOT_INVOICED",
        decisionId: decisionAt(curUntil + 1) ?? decisionAt(appliedOn),
        municipalities: allServed,
        history: [
          ["APPLIED", appliedOn, "Verlenging aangevraagd."],
          ["GRANTED", grantedOn, "Verlenging toegekend; ingangsdatum aansluitend op de huidige licentie."],
        ],
      });
    }
  }

  licence(rng: Random, location: LocationState, organisationId: string, plan: LicencePlan): void {
    const id = this.ids.next();
    this.#licenceSeq += 1;
    const national = this.user(DEMO_EMAIL.national);
    const last = plan.history[plan.history.length - 1];
    this.data.licences.push({
      id,
      number: `HS-${yearOf(plan.appliedOn)}-${String(this.#licenceSeq).padStart(3, "0")}`,
      organisationId,
      locationId: location.id,
      municipalDecisionId: plan.decisionId,
      status: plan.status,
      appliedOn: toDate(plan.appliedOn),
      grantedOn: plan.grantedOn === null ? null : toDate(plan.grantedOn),
      validFrom: plan.validFrom === null ? null : toDate(plan.validFrom),
      validUntil: plan.validUntil === null ? null : toDate(plan.validUntil),
      conditions: LICENCE_CONDITIONS,
      qualityStandards: LICENCE_QUALITY_STANDARDS,
      annualFeeCents: plan.fee,
      feePaymentStatus: plan.feeStatus,
      createdAt: toTimestamp(plan.appliedOn, 10),
      updatedAt: toTimestamp(last?.[1] ?? plan.appliedOn, 11),
      version: plan.history.length,
    });
    for (const municipalityId of plan.municipalities) this.data.licenceMunicipalities.push({ licenceId: id, municipalityId });
    let previous: LicenceStatus | null = null;
    for (const [status, day, reason] of plan.history) {
      this.data.licenceStatusChanges.push({
        id: this.ids.next(),
        licenceId: id,
        fromStatus: previous,
        toStatus: status,
        effectiveOn: toDate(day),
        reason: reason ?? LICENCE_REASONS[status],
        at: toTimestamp(Math.min(day, this.today), rng.int(8, 15), rng.int(0, 59)),
        byUserId: status === "APPLIED" ? location.coordinatorId : status === "EXPIRED" ? null : national,
      });
      previous = status;
    }
  }

  // -------------------------------------------------------------------------
  // Referrers, volunteers, families and everything that happens to them
  // -------------------------------------------------------------------------

  addPeople(location: LocationState): void {
    const rng = this.rng.fork(`people:${location.spec.key}`);
    const referrers = this.addReferrers(rng.fork("referrers"), location);
    const volunteers = this.addVolunteers(rng.fork("volunteers"), location);
    const active = this.addFamilies(rng.fork("families"), location, referrers, volunteers);
    if (location.spec.groupMeetings) this.addGroupMeetings(rng.fork("groups"), location, active);
    this.addSupervision(rng.fork("supervision"), location, volunteers);
  }

  addReferrers(rng: Random, location: LocationState): ReferrerInfo[] {
    const types: ReferrerType[] = [
      "DISTRICT_NURSE",
      "DISTRICT_NURSE",
      "DISTRICT_NURSE",
      "CJG",
      "CJG",
      "SOCIAL_WORKER",
      "SOCIAL_WORKER",
      "GP",
      "YOUTH_CARE",
      "PRESCHOOL",
      "CHILDCARE",
      "OTHER",
    ];
    const city = location.spec.city;
    return types.map((type) => {
      const muni = rng.pick(location.served).name;
      const [organisation, short] = referrerOrganisation(rng, type, city, muni);
      const first = rng.pick(PEOPLE_FIRST);
      const last = rng.pick(NAMES.nl.surnames);
      const id = this.ids.next();
      const email = `${slug(first)}.${slug(last)}@${short}-${slug(city)}.example.org`;
      this.data.referrers.push({
        id,
        type,
        name: `${first} ${last}`,
        organisation,
        email,
        phone: `06-00${rng.digits(6)}`,
        createdAt: toTimestamp(this.windowStart - rng.int(10, 900), 10),
      });
      return { id, name: `${first} ${last}`, email };
    });
  }

  addVolunteers(rng: Random, location: LocationState): VolunteerState[] {
    const T = this.today;
    const W = this.windowStart;
    // Small scales keep relatively more volunteers, so a small pool still starts support within weeks.
    const scale = this.input.scale;
    const n = Math.max(6, Math.round(location.spec.volunteers * (scale >= 1 ? scale : 0.2 + 0.8 * scale)));
    const statuses = stratified<VolunteerStatus>(
      rng,
      n,
      [
        ["PAUSED", 0.08],
        ["STOPPED", 0.14],
        ["IN_TRAINING", 0.09],
        ["APPLICANT", 0.07],
      ],
      "ACTIVE",
    );
    const out: VolunteerState[] = [];
    for (const status of statuses) {
      const female = rng.chance(0.85);
      const first = rng.pick(female ? [...NAMES.nl.women, ...PEOPLE_FIRST.slice(0, 14)] : NAMES.nl.men);
      const last = rng.pick(NAMES.nl.surnames);
      const muni = rng.weighted(location.served.filter((m) => m.servedFrom <= T).map((m) => [m, m.weight] as const));
      const languages = ["nl"];
      if (rng.chance(0.3))
        languages.push(
          rng.weighted<Language>([
            ["en", 40],
            ["ar", 18],
            ["tr", 15],
            ["pl", 12],
            ["ti", 10],
          ]),
        );
      const ageGroups = rng.chance(0.5) ? ["0_3", "4_6"] : rng.chance(0.5) ? ["PREGNANCY", "0_3", "4_6"] : ["0_3", "4_6", "7_12"];
      if (location.served.some((m) => m.policies.some((p) => p.max >= 14)) && rng.chance(0.3)) ageGroups.push("13_17");
      const availability = AVAILABILITY_SLOTS.filter((s) => !s.endsWith("EVENING") && s !== "SAT_MORNING");
      const slots = rng.sample(rng.chance(0.2) ? AVAILABILITY_SLOTS : availability, rng.int(2, 5));

      let trainingCompletedOn: Day | null = null;
      let vogIssuedOn: Day | null = null;
      let from = INFINITE;
      let until = INFINITE;
      let createdAt: Day;
      let updatedAt: Day;
      if (status === "ACTIVE" || status === "PAUSED" || status === "STOPPED") {
        const trainedEarly = status === "STOPPED" || rng.chance(0.7);
        trainingCompletedOn = trainedEarly ? W - rng.int(20, 6 * 365) : rng.int(W, T - 60);
        if (status === "STOPPED") trainingCompletedOn = Math.min(trainingCompletedOn, T - 300);
        from = trainingCompletedOn + 7;
        if (status === "PAUSED") until = T - rng.int(20, 120);
        if (status === "STOPPED") until = rng.int(Math.max(from + 150, W + 60), T - 30);
        vogIssuedOn = trainingCompletedOn - rng.int(20, 90);
        if (vogIssuedOn < addYears(T, -3) && rng.chance(0.55)) vogIssuedOn = T - rng.int(30, 900);
        createdAt = trainingCompletedOn - rng.int(50, 120);
        updatedAt = Math.min(T, status === "ACTIVE" ? Math.max(vogIssuedOn, trainingCompletedOn) : until);
      } else if (status === "IN_TRAINING") {
        createdAt = T - rng.int(25, 80);
        vogIssuedOn = rng.chance(0.7) ? T - rng.int(5, 20) : null;
        updatedAt = vogIssuedOn ?? createdAt;
      } else {
        createdAt = T - rng.int(1, 30);
        updatedAt = createdAt;
      }
      const id = this.ids.next();
      this.data.volunteers.push({
        id,
        locationId: location.id,
        municipalityId: muni.id,
        firstName: first,
        lastName: last,
        email: `${slug(first)}.${slug(last)}${rng.int(1, 99)}@example.org`,
        phone: `06-00${rng.digits(6)}`,
        postcode: postcode(rng, muni.postcodes),
        status,
        vogIssuedOn: vogIssuedOn === null ? null : toDate(vogIssuedOn),
        trainingCompletedOn: trainingCompletedOn === null ? null : toDate(trainingCompletedOn),
        languages,
        availability: AVAILABILITY_SLOTS.filter((s) => slots.includes(s)),
        experienceAgeGroups: ageGroups,
        maxFamilies: rng.chance(0.4) ? 2 : 1,
        createdAt: toTimestamp(createdAt, 10),
        updatedAt: toTimestamp(updatedAt, 12),
        version: status === "ACTIVE" ? 3 : status === "APPLICANT" ? 1 : 2,
      });
      const max = this.data.volunteers[this.data.volunteers.length - 1]?.maxFamilies ?? 1;
      out.push({ id, from, until, maxFamilies: max, languages, ageGroups, municipalityId: muni.id, intervals: [] });
    }
    return out;
  }

  addFamilies(rng: Random, location: LocationState, referrers: ReferrerInfo[], volunteers: VolunteerState[]): ActiveFamily[] {
    const T = this.today;
    const W = this.windowStart;
    const n = Math.max(6, Math.round(location.spec.families * this.input.scale));
    const lastDay = location.registrationsUntil === null ? T : location.registrationsUntil - 1;
    const special = location.registrationsUntil === null;
    const sources = stratified<"SELF" | "REFERRER">(rng, n, [["REFERRER", 0.62]], "SELF");
    const households = stratified<HouseholdType>(
      rng,
      n,
      [
        ["SINGLE_PARENT", 0.3],
        ["OTHER", 0.04],
      ],
      "TWO_PARENTS",
    );
    const plans: FamilyPlan[] = [];
    for (let i = 0; i < n; i++) {
      let registeredOn: Day;
      let kind: FamilyPlan["kind"] = "normal";
      if (special && i < 2) {
        registeredOn = T - rng.int(0, 2);
        kind = "fresh";
      } else if (special && i === 2) {
        registeredOn = T - rng.int(28, 45);
        kind = "longWait";
      } else {
        registeredOn = rng.int(W, Math.max(W, lastDay - 3));
        if (weekday(registeredOn) === 0 || (weekday(registeredOn) === 6 && rng.chance(0.8))) registeredOn = nextWorkday(registeredOn);
        if (registeredOn > lastDay) registeredOn = lastDay;
      }
      plans.push({
        registeredOn,
        kind,
        source: sources[i] ?? "SELF",
        household: households[i] ?? "TWO_PARENTS",
        rng: rng.fork(`family:${i}`),
      });
    }
    plans.sort((a, b) => a.registeredOn - b.registeredOn);
    const active: ActiveFamily[] = [];
    for (const plan of plans) {
      const a = this.addFamily(plan, location, referrers, volunteers);
      if (a) active.push(a);
    }
    return active;
  }

  addFamily(plan: FamilyPlan, location: LocationState, referrers: ReferrerInfo[], volunteers: VolunteerState[]): ActiveFamily | null {
    const { rng, registeredOn: R } = plan;
    const T = this.today;
    const coordinator = location.coordinatorId;
    const familyId = this.ids.next();

    // Where the family lives and the policy that applies on the registration day.
    const candidates = location.served.filter((m) => m.servedFrom <= R);
    let muni = rng.weighted(candidates.map((m) => [m, m.weight] as const));
    let policy = policyAt(muni, R);
    const notEligible = plan.kind === "normal" && rng.chance(0.035);
    let notEligibleNote: string | null = null;
    let childKind: "young" | "older" | "tooOld" = "young";
    if (notEligible) {
      if (policy && policy.max < 17 && rng.chance(0.5)) {
        childKind = "tooOld";
        notEligibleNote = `Jongste kind is ouder dan de leeftijdsgrens in ${muni.name} (0 t/m ${policy.max} jaar). Ouder gewezen op het wijkteam.`;
      } else {
        const neighbour = this.municipality(location.spec.neighbour.code);
        muni = {
          code: location.spec.neighbour.code,
          id: neighbour.id,
          name: neighbour.name,
          weight: 0,
          postcodes: location.spec.neighbour.postcodes,
          servedFrom: R,
          policies: [],
        };
        policy = null;
        notEligibleNote = `Gezin woont in ${neighbour.name}; daar wordt Home-Start niet aangeboden. Verwezen naar het wijkteam van de gemeente.`;
      }
    } else if (policy && policy.max > 6 && rng.chance(0.35)) {
      childKind = "older";
    }

    // Language and names.
    let language: Language = rng.weighted<Language>([
      ["nl", 80],
      ["ar", 5],
      ["tr", 4],
      ["pl", 4],
      ["en", 3],
      ["ti", 4],
    ]);
    if (plan.kind === "longWait") language = "ti";
    const languages = language === "nl" ? ["nl"] : plan.kind === "longWait" || rng.chance(0.45) ? [language] : [language, "nl"];
    const pool = NAMES[language];
    const surname = rng.pick(pool.surnames);

    // Children (and an unborn child from 28 weeks of pregnancy).
    const children = makeChildren(rng, R, T, childKind, policy?.max ?? 6, pool);
    const births = children.map((c) => c.bornOn).filter((d): d is Day => d !== null);
    const youngest = Math.max(...births, -INFINITE);
    const olderChildren = youngest !== -INFINITE && R - youngest >= 7 * 365;
    const pregnant = children.some((c) => c.expectedOn !== null && c.expectedOn > R);

    // Timeline: call back, intake, decision, match.
    let status: FamilyStatus = "REGISTERED";
    let calledBack: Day | null = null;
    let intakeOn: Day | null = null;
    let note: string | null = null;
    let firstStart: Day | null = null;
    let closure: { day: Day; reason: ClosureReason; goals: GoalsReached } | null = null;
    const matchRows: Array<{ id: string; volunteer: VolunteerState; start: Day; end: Day | null; endReason: string | null }> = [];

    if (plan.kind !== "fresh") {
      const candidate = nextWorkday(
        R +
          rng.weighted([
            [0, 30],
            [1, 40],
            [2, 20],
            [3, 10],
          ] as const),
      );
      if (candidate < T) calledBack = candidate;
    }
    if (calledBack !== null) {
      if (notEligible) {
        status = "NOT_ELIGIBLE";
        note = notEligibleNote;
      } else if (plan.kind === "normal" && rng.chance(0.02)) {
        status = "DECLINED";
        note = "Ouder wil na het telefoongesprek op dit moment geen vrijwilliger over de vloer.";
      } else {
        const intake = nextWorkday(calledBack + rng.int(2, 7));
        intakeOn = intake;
        if (intake >= T) {
          status = "INTAKE";
        } else if (plan.kind === "normal" && rng.chance(0.03)) {
          status = "DECLINED";
          note = "Ouder ziet na het kennismakingsgesprek af van ondersteuning.";
        } else if (plan.kind === "longWait") {
          status = "WAITING_FOR_MATCH";
          note = "Wacht op een vrijwilliger die Tigrinya spreekt; kennismaking met tolk gepland.";
        } else {
          const reason = rng.weighted<ClosureReason>([
            ["GOALS_REACHED", 55],
            ["FAMILY_ENDED", 14],
            ["MOVED_AWAY", 8],
            ["REFERRED_TO_PROFESSIONAL_CARE", 15],
            ["OTHER", 8],
          ]);
          const months = reason === "GOALS_REACHED" ? rng.int(6, 18) : rng.int(2, 10);
          const desired = nextWorkday(intake + rng.int(3, 9));
          const needLanguage = languages.includes("nl") ? null : language;
          const wantsOlder = olderChildren;
          let found = false;
          for (let week = 0; week < 20 && !found; week++) {
            const start = desired + 7 * week;
            if (start >= T) break;
            const end = addMonths(start, months) + rng.int(-10, 10);
            const strictLanguage = needLanguage !== null && week < 2;
            // After 16 weeks a volunteer takes one family more than planned; in week 20 anyone available does.
            const extra = week >= 19 ? 99 : week >= 16 ? 1 : 0;
            const rematch = rng.chance(0.05);
            const split = start + Math.round((end - start) * (0.3 + 0.3 * rng.float()));
            const secondStart = nextWorkday(split + rng.int(7, 21));
            if (rematch && secondStart < T && secondStart < end - 30) {
              const v1 = chooseVolunteer(rng, volunteers, start, split, needLanguage, strictLanguage, wantsOlder, muni.id, extra);
              const v2 = v1 && chooseVolunteer(rng, volunteers, secondStart, end, needLanguage, false, wantsOlder, muni.id, extra, v1);
              if (v1 && v2) {
                v1.intervals.push([start, split]);
                v2.intervals.push([secondStart, end]);
                matchRows.push({ id: this.ids.next(), volunteer: v1, start, end: split, endReason: rng.pick(REMATCH_REASONS) });
                matchRows.push({ id: this.ids.next(), volunteer: v2, start: secondStart, end, endReason: null });
                found = true;
              }
            } else {
              const v = chooseVolunteer(rng, volunteers, start, end, needLanguage, strictLanguage, wantsOlder, muni.id, extra);
              if (v) {
                v.intervals.push([start, end]);
                matchRows.push({ id: this.ids.next(), volunteer: v, start, end, endReason: null });
                found = true;
              }
            }
            if (found) {
              firstStart = start;
              const lastMatch = matchRows[matchRows.length - 1];
              if (lastMatch && end < T) {
                lastMatch.endReason = CLOSING_MATCH_REASON[reason];
                const goals = rng.weighted<GoalsReached>(GOALS_BY_REASON[reason]);
                closure = { day: Math.min(T - 1, end + rng.int(0, 10)), reason, goals };
                status = "CLOSED";
              } else if (lastMatch) {
                lastMatch.end = null;
                status = "ACTIVE";
              }
            }
          }
          if (!found) {
            status = "WAITING_FOR_MATCH";
            if (needLanguage) note = `Voorkeur voor een vrijwilliger die ${LANGUAGE_NAMES[needLanguage]} spreekt.`;
          }
        }
      }
    }

    const passedIntake = status === "WAITING_FOR_MATCH" || status === "ACTIVE" || status === "CLOSED";
    const knowsHousehold = status !== "REGISTERED" && status !== "INTAKE";
    const riskFactors = passedIntake ? pickRiskFactors(rng, plan.household) : [];
    const familyEnd = closure?.day ?? T;

    // Family row and its people.
    const address = `${rng.pick(STREETS)} ${rng.int(1, 180)}${rng.chance(0.15) ? rng.pick(["a", "b", "-1", "-2"]) : ""}`;
    // Registered today: early in the morning, so nothing lies after the moment of seeding.
    const createdAt = toTimestamp(R, R >= T ? rng.int(5, 6) : rng.int(7, 19), rng.int(0, 59));
    const lastEvent = Math.max(R, calledBack ?? R, intakeOn !== null && intakeOn < T ? intakeOn : R, closure?.day ?? R, firstStart ?? R);
    this.data.families.push({
      id: familyId,
      locationId: location.id,
      municipalityId: muni.id,
      registeredOn: toDate(R),
      source: plan.source,
      householdType: knowsHousehold ? plan.household : null,
      languages,
      riskFactors,
      status,
      postcode: postcode(rng, muni.postcodes),
      address,
      calledBackAt: calledBack === null ? null : toTimestamp(calledBack, rng.int(8, 15), rng.int(0, 59)),
      intakeOn: intakeOn === null ? null : toDate(intakeOn),
      // Declined or found not eligible at the call back, or declined after the intake.
      endedOn: status === "DECLINED" || status === "NOT_ELIGIBLE" ? toDate(intakeOn ?? calledBack ?? R) : null,
      note,
      createdAt,
      updatedAt: lastEvent > R ? toTimestamp(lastEvent, 16) : createdAt,
      version: 1 + (calledBack !== null ? 1 : 0) + (intakeOn !== null ? 1 : 0) + matchRows.length + (closure ? 1 : 0),
    });
    this.addParents(rng, familyId, plan.household, pool, surname, language);
    for (const c of children) {
      this.data.children.push({
        id: this.ids.next(),
        familyId,
        firstName: c.firstName,
        bornOn: c.bornOn === null ? null : toDate(c.bornOn),
        expectedOn: c.expectedOn === null ? null : toDate(c.expectedOn),
      });
    }

    // Referral and consents.
    let referrer: ReferrerInfo | null = null;
    let referredOn: Day | null = null;
    if (plan.source === "REFERRER") {
      referrer = rng.pick(referrers);
      referredOn = R - rng.int(0, 7);
      this.data.referrals.push({ id: this.ids.next(), familyId, referrerId: referrer.id, referredOn: toDate(referredOn) });
      this.consent(familyId, "CONTACT_BY_COORDINATOR", "GRANTED", referredOn, coordinator, "Toestemming doorgegeven door de verwijzer.");
    }
    let notifyUntil: Day | null = null;
    let notifyGranted = false;
    if (passedIntake && intakeOn !== null) {
      this.consent(familyId, "PROCESSING", "GRANTED", intakeOn, coordinator, null);
      if (referrer) {
        if (rng.chance(0.85)) {
          notifyGranted = true;
          this.consent(familyId, "NOTIFY_REFERRER_START_END", "GRANTED", intakeOn, coordinator, null);
          if (firstStart !== null && familyEnd - firstStart > 45 && rng.chance(0.05)) {
            notifyUntil = rng.int(firstStart + 14, familyEnd - 7);
            this.consent(
              familyId,
              "NOTIFY_REFERRER_START_END",
              "WITHDRAWN",
              notifyUntil,
              coordinator,
              "Ouder wil niet dat de verwijzer over het einde wordt geïnformeerd.",
            );
          }
        }
        if (rng.chance(0.3)) {
          this.consent(
            familyId,
            "SHARE_DETAILS_WITH_REFERRER",
            "GRANTED",
            intakeOn,
            coordinator,
            "Alleen doelen en voortgang, geen verslagen.",
          );
          if (familyEnd - intakeOn > 60 && rng.chance(0.12)) {
            this.consent(familyId, "SHARE_DETAILS_WITH_REFERRER", "WITHDRAWN", rng.int(intakeOn + 21, familyEnd - 7), coordinator, null);
          }
        }
      }
    }

    // Support questions, from the intake.
    if (passedIntake && intakeOn !== null) {
      const options = SUPPORT_QUESTIONS.filter((q) => (q.olderChildren ? olderChildren : true) && (q.pregnancy ? pregnant : true));
      const preferred = options.filter((q) => (olderChildren ? q.olderChildren : !q.olderChildren));
      const picked = rng.sample(
        preferred.length > 0 ? preferred : options,
        rng.weighted([
          [1, 35],
          [2, 45],
          [3, 20],
        ] as const),
      );
      picked.forEach((q, index) => {
        const reached =
          closure === null ? null : closure.goals === "ALL" ? true : closure.goals === "NONE" ? false : index === 0 || rng.chance(0.3);
        this.data.supportQuestions.push({
          id: this.ids.next(),
          familyId,
          question: q.question,
          goal: q.goal,
          goalReached: reached,
          createdAt: toTimestamp(intakeOn, 13, index * 5),
        });
      });
    }

    // Matches and their weekly visits.
    for (const [index, m] of matchRows.entries()) {
      this.data.matches.push({
        id: m.id,
        familyId,
        volunteerId: m.volunteer.id,
        startOn: toDate(m.start),
        endOn: m.end === null ? null : toDate(m.end),
        endReason: m.endReason,
        createdAt: toTimestamp(m.start - rng.int(1, 4), 11),
      });
      this.addVisits(rng, m.id, m.start, m.end, coordinator, index === 0);
    }

    // Evaluations: interim every six months of support, final at closure.
    if (firstStart !== null) {
      for (let k = 1; ; k++) {
        const d = nextWorkday(addMonths(firstStart, 6 * k));
        if (d >= familyEnd || d >= T) break;
        this.evaluation(rng, familyId, "INTERIM", d, coordinator, null);
      }
      if (closure) {
        const lastStart = matchRows[matchRows.length - 1]?.start ?? firstStart;
        const held = Math.max(lastStart, closure.day - rng.int(0, 5));
        this.evaluation(rng, familyId, "FINAL", held, coordinator, closure.goals);
        this.data.closures.push({
          id: this.ids.next(),
          familyId,
          closedOn: toDate(closure.day),
          reason: closure.reason,
          goalsReached: closure.goals,
          note: CLOSURE_NOTES[closure.reason],
          createdAt: toTimestamp(closure.day, 15),
        });
      }
    }

    // Referrer notifications at start and end, as far as the parents allow.
    if (referrer && referredOn !== null && notifyGranted && firstStart !== null) {
      const name = `${location.spec.coordinator.firstName} ${location.spec.coordinator.lastName}`;
      this.notify(familyId, referrer, "START", firstStart, location.spec.name, surname, referredOn, name);
      if (closure && notifyUntil === null)
        this.notify(familyId, referrer, "END", closure.day, location.spec.name, surname, referredOn, name);
    }

    if (firstStart === null) return null;
    return { id: familyId, from: firstStart, until: familyEnd, twoParents: plan.household === "TWO_PARENTS", births };
  }

  addParents(
    rng: Random,
    familyId: string,
    household: HouseholdType,
    pool: (typeof NAMES)[Language],
    surname: string,
    language: Language,
  ): void {
    const count = household === "SINGLE_PARENT" ? 1 : household === "TWO_PARENTS" ? 2 : rng.int(1, 2);
    const firstIsMother = household !== "SINGLE_PARENT" || rng.chance(0.88);
    for (let i = 0; i < count; i++) {
      const mother = i === 0 ? firstIsMother : !firstIsMother || rng.chance(0.04);
      const first = rng.pick(mother ? pool.women : pool.men);
      const last = i === 0 || language !== "nl" || rng.chance(0.5) ? surname : rng.pick(pool.surnames);
      const parent = {
        firstName: first,
        lastName: last,
        phone: i === 0 || rng.chance(0.6) ? `06-00${rng.digits(6)}` : null,
        email: i === 0 && rng.chance(0.8) ? `${slug(first)}.${slug(last)}${rng.int(1, 99)}@example.org` : null,
      };
      this.data.parents.push({ id: this.ids.next(), familyId, ...withDuplicateKeys(parent) });
    }
  }

  consent(
    familyId: string,
    type: P.ConsentEventCreateManyInput["type"],
    action: P.ConsentEventCreateManyInput["action"],
    day: Day,
    recordedById: string,
    note: string | null,
  ): void {
    this.data.consentEvents.push({
      id: this.ids.next(),
      familyId,
      type,
      action,
      at: toTimestamp(day, day >= this.today ? 5 : action === "GRANTED" ? 10 : 14, this.data.consentEvents.length % 60),
      recordedById,
      textVersion: day < dayOf(2025, 1, 1) ? "toestemming-2022-09" : "toestemming-2025-01",
      note,
    });
  }

  addVisits(rng: Random, matchId: string, start: Day, end: Day | null, loggedById: string, first: boolean): void {
    const T = this.today;
    const last = end ?? T - 1;
    this.#supportDays += Math.min(last, T - 1) - start + 1;
    for (let d = start; d <= last && d < T; d += 7) {
      const isFirst = d === start;
      if (!isFirst) {
        const date = new Date(d * 86_400_000);
        const month = date.getUTCMonth();
        const holiday =
          (month === 6 && date.getUTCDate() > 20) || (month === 7 && date.getUTCDate() < 20) || (month === 11 && date.getUTCDate() > 22);
        if (rng.chance(holiday ? 0.4 : 0.1)) continue;
      }
      let visitedOn = d;
      if (!isFirst && rng.chance(0.15)) {
        const shifted = d + rng.pick([-2, -1, 1, 2]);
        if (weekday(shifted) !== 0 && weekday(shifted) !== 6 && shifted > start && shifted <= last && shifted < T) visitedOn = shifted;
      }
      const minutes = isFirst ? 90 : rng.pick(VISIT_MINUTES);
      this.#visitMinutes += minutes;
      this.data.visits.push({
        id: this.ids.next(),
        matchId,
        visitedOn: toDate(visitedOn),
        minutes,
        note: isFirst && first ? VISIT_NOTES[0] : rng.chance(0.06) ? rng.pick(VISIT_NOTES.slice(1)) : null,
        loggedById,
        createdAt: toTimestamp(visitedOn, rng.int(16, 19), rng.int(0, 59)),
      });
    }
  }

  evaluation(rng: Random, familyId: string, kind: EvaluationKind, day: Day, recordedById: string, goals: GoalsReached | null): void {
    const [lo, hi] = goals === "ALL" ? [4, 5] : goals === "PARTLY" ? [3, 4] : goals === "NONE" ? [2, 3] : [2, 4];
    const score = () => (rng.chance(0.06) ? null : rng.int(lo, hi));
    this.data.evaluations.push({
      id: this.ids.next(),
      familyId,
      kind,
      heldOn: toDate(day),
      summary: goals === null ? rng.pick(INTERIM_SUMMARIES) : rng.pick(FINAL_SUMMARIES[goals]),
      parentalWellbeing: score(),
      positiveParenting: score(),
      childBehaviour: score(),
      network: score(),
      createdAt: toTimestamp(day, 16, rng.int(0, 59)),
      recordedById,
    });
  }

  notify(
    familyId: string,
    referrer: ReferrerInfo,
    kind: "START" | "END",
    day: Day,
    locationName: string,
    surname: string,
    referredOn: Day,
    coordinatorName: string,
  ): void {
    const id = this.ids.next();
    const subject = kind === "START" ? `${locationName}: ondersteuning gestart` : `${locationName}: ondersteuning afgesloten`;
    const what =
      kind === "START"
        ? `krijgt sinds ${formatDayNl(day)} wekelijks bezoek van een vrijwilliger van ${locationName}.`
        : `heeft de ondersteuning door ${locationName} op ${formatDayNl(day)} afgesloten.`;
    const body = [
      `Beste ${referrer.name},`,
      "",
      `Het gezin ${surname.charAt(0).toUpperCase()}${surname.slice(1)}, dat u op ${formatDayNl(referredOn)} naar ons verwees, ${what}`,
      "De ouders hebben toestemming gegeven om u hierover te informeren.",
      "",
      "Met vriendelijke groet,",
      `${coordinatorName}, coördinator ${locationName}`,
    ].join("\n");
    const created = toTimestamp(day, 9, 30);
    const sent = toTimestamp(day, 9, 31);
    this.data.referrerNotifications.push({
      id,
      familyId,
      referrerId: referrer.id,
      kind,
      status: "SENT",
      subject,
      body,
      attempts: 1,
      createdAt: created,
      sentAt: sent,
    });
    this.data.outboxEmails.push({
      id: this.ids.next(),
      to: referrer.email,
      subject,
      body,
      createdAt: created,
      sentAt: sent,
      relatedId: id,
    });
  }

  /** One notification that could not be delivered, at the second demo coordinator's location. */
  markFailedNotification(): void {
    const locationId = this.data.locations.find((l) => l.email === `${DEMO_COORDINATOR2_LOCATION}@${DEMO_DOMAIN}`)?.id;
    const families = new Set(this.data.families.filter((f) => f.locationId === locationId).map((f) => f.id));
    const candidates = this.data.referrerNotifications.filter((n) => n.kind === "END" && families.has(n.familyId));
    const target = candidates[candidates.length - 1] ?? this.data.referrerNotifications[this.data.referrerNotifications.length - 1];
    if (!target) return;
    target.status = "FAILED";
    target.attempts = 3;
    target.sentAt = null;
    target.lastError = "550 5.1.1 Mailbox unavailable: het e-mailadres van de verwijzer bestaat niet (meer).";
    const mail = this.data.outboxEmails.find((m) => m.relatedId === target.id);
    if (mail) mail.sentAt = null;
  }

  addGroupMeetings(rng: Random, location: LocationState, families: ActiveFamily[]): void {
    const T = this.today;
    for (let d = nextWorkday(this.windowStart + rng.int(5, 30)); d <= T + 28; d = nextWorkday(d + rng.int(28, 42))) {
      const id = this.ids.next();
      const topic = rng.pick(GROUP_MEETING_TOPICS);
      const title = rng.pick(GROUP_MEETING_TITLES);
      this.data.groupMeetings.push({
        id,
        locationId: location.id,
        title: title === "Themabijeenkomst" ? `${title}: ${topic.toLowerCase()}` : title,
        heldOn: toDate(d),
        topic,
        createdAt: toTimestamp(Math.min(T - 1, d - rng.int(14, 40)), 10),
      });
      if (d >= T) continue;
      const present = families.filter((f) => f.from <= d && d <= f.until);
      for (const f of rng.sample(present, rng.int(2, 7))) {
        const young = f.births.filter((b) => b <= d && d - b < 7 * 365).length;
        this.data.groupMeetingAttendances.push({
          meetingId: id,
          familyId: f.id,
          parentCount: f.twoParents && rng.chance(0.2) ? 2 : 1,
          childCount: rng.int(0, Math.min(2, young)),
        });
      }
    }
  }

  addSupervision(rng: Random, location: LocationState, volunteers: VolunteerState[]): void {
    const T = this.today;
    for (const v of volunteers) {
      if (v.from === INFINITE) continue;
      const until = Math.min(v.until, T);
      for (let d = nextWorkday(Math.max(v.from, this.windowStart) + rng.int(14, 60)); d < until; d = nextWorkday(d + rng.int(63, 105))) {
        this.data.supervisionMeetings.push({
          id: this.ids.next(),
          volunteerId: v.id,
          heldById: location.coordinatorId,
          heldOn: toDate(d),
          note: rng.chance(0.7) ? rng.pick(SUPERVISION_NOTES) : null,
        });
      }
    }
  }
}

interface LicencePlan {
  status: LicenceStatus;
  appliedOn: Day;
  grantedOn: Day | null;
  validFrom: Day | null;
  validUntil: Day | null;
  fee: number;
  feeStatus: FeePaymentStatus;
  decisionId: string | null;
  municipalities: string[];
  history: Array<[LicenceStatus, Day, string?]>;
}

interface ReferrerInfo {
  id: string;
  name: string;
  email: string;
}

interface FamilyPlan {
  registeredOn: Day;
  kind: "normal" | "fresh" | "longWait";
  source: "SELF" | "REFERRER";
  household: HouseholdType;
  rng: Random;
}

interface ChildPlan {
  firstName: string | null;
  bornOn: Day | null;
  expectedOn: Day | null;
}

const LICENCE_REASONS: Record<LicenceStatus, string> = {
  APPLIED: "Aanvraag ingediend op basis van de beschikking van de gemeente.",
  GRANTED: "Aanvraag beoordeeld en toegekend door het Landelijk Steunpunt.",
  ACTIVE: "Licentieovereenkomst ondertekend; licentie van kracht.",
  SUSPENDED: "Licentie geschorst.",
  EXPIRED: "Looptijd verstreken.",
  TERMINATED: "Licentie beëindigd.",
};

const REMATCH_REASONS = [
  "Vrijwilliger gestopt wegens verhuizing; gezin gekoppeld aan een nieuwe vrijwilliger.",
  "Vrijwilliger kon door nieuw werk de afspraken niet meer nakomen.",
  "Op verzoek van de ouder een andere vrijwilliger gekoppeld.",
] as const;

const CLOSING_MATCH_REASON: Record<ClosureReason, string> = {
  GOALS_REACHED: "Ondersteuning afgerond: doelen bereikt.",
  FAMILY_ENDED: "Gezin heeft de ondersteuning beëindigd.",
  MOVED_AWAY: "Gezin verhuisd.",
  REFERRED_TO_PROFESSIONAL_CARE: "Gezin doorverwezen naar professionele hulp.",
  NO_MATCH_POSSIBLE: "Geen koppeling mogelijk.",
  OTHER: "In overleg gestopt.",
};

const CLOSURE_NOTES: Record<ClosureReason, string | null> = {
  GOALS_REACHED: null,
  FAMILY_ENDED: "Ouder gaf aan geen ondersteuning meer nodig te hebben.",
  MOVED_AWAY: "Gezin verhuisd naar een andere gemeente; ouder gewezen op Home-Start in de nieuwe woonplaats.",
  REFERRED_TO_PROFESSIONAL_CARE: "Met toestemming van ouders doorverwezen naar het wijkteam voor specialistische hulp.",
  NO_MATCH_POSSIBLE: null,
  OTHER: "Vrijwilliger en gezin in overleg gestopt.",
};

const GOALS_BY_REASON: Record<ClosureReason, ReadonlyArray<readonly [GoalsReached, number]>> = {
  GOALS_REACHED: [
    ["ALL", 70],
    ["PARTLY", 30],
  ],
  FAMILY_ENDED: [
    ["PARTLY", 50],
    ["NONE", 50],
  ],
  MOVED_AWAY: [
    ["PARTLY", 60],
    ["NONE", 40],
  ],
  REFERRED_TO_PROFESSIONAL_CARE: [
    ["PARTLY", 40],
    ["NONE", 60],
  ],
  NO_MATCH_POSSIBLE: [["NONE", 1]],
  OTHER: [
    ["PARTLY", 60],
    ["NONE", 40],
  ],
};

const LANGUAGE_NAMES: Record<Language, string> = {
  nl: "Nederlands",
  en: "Engels",
  pl: "Pools",
  tr: "Turks",
  ar: "Arabisch",
  ti: "Tigrinya",
};

/** Mostly two-hour visits; with skipped weeks this comes to about 105 hours a year. */
const VISIT_MINUTES = [90, 105, 120, 120, 135, 150, 150, 165, 180, 180] as const;

function policyAt(m: ServedMunicipality, day: Day): PolicyInForce | null {
  return m.policies.find((p) => p.from <= day && (p.until === null || day <= p.until)) ?? null;
}

function postcode(rng: Random, [lo, hi]: readonly [number, number]): string {
  return `${rng.int(lo, hi)} ${rng.pick([...POSTCODE_LETTERS])}${rng.pick([...POSTCODE_LETTERS])}`;
}

function referrerOrganisation(rng: Random, type: ReferrerType, city: string, municipality: string): [string, string] {
  switch (type) {
    case "DISTRICT_NURSE":
      return [`Jeugdgezondheidszorg ${municipality} (consultatiebureau)`, "jgz"];
    case "CJG":
      return [`Centrum voor Jeugd en Gezin ${municipality}`, "cjg"];
    case "SOCIAL_WORKER":
      return [`Algemeen maatschappelijk werk ${city}`, "amw"];
    case "GP":
      return [`Huisartsenpraktijk ${rng.pick(STREETS)}`, "huisarts"];
    case "YOUTH_CARE":
      return [`Jeugdteam ${municipality}`, "jeugdteam"];
    case "PRESCHOOL":
      return [`Peuterspeelzaal ${rng.pick(["De Regenboog", "Het Kikkertje", "De Vlinder", "Ukkepuk"])}`, "peuterspeelzaal"];
    case "CHILDCARE":
      return [`Kinderdagverblijf ${rng.pick(["De Boomhut", "Het Zonnetje", "De Speeldoos", "Kleine Beer"])}`, "kdv"];
    case "OTHER":
      return [`Verloskundigenpraktijk ${city}`, "verloskunde"];
  }
}

function makeChildren(
  rng: Random,
  R: Day,
  T: Day,
  kind: "young" | "older" | "tooOld",
  max: number,
  pool: (typeof NAMES)[Language],
): ChildPlan[] {
  const year = 365;
  const born = (ageDays: number): ChildPlan => ({ firstName: rng.pick(pool.children), bornOn: R - ageDays, expectedOn: null });
  const out: ChildPlan[] = [];
  let youngestAge: number;
  if (kind === "young" && rng.chance(0.15)) {
    const expectedOn = R + rng.int(7, 84);
    if (expectedOn + 14 < T) {
      out.push({ firstName: rng.pick(pool.children), bornOn: Math.min(T - 1, expectedOn + rng.int(-14, 10)), expectedOn });
    } else {
      out.push({ firstName: null, bornOn: null, expectedOn });
    }
    youngestAge = rng.int(300, 700);
    const siblings = rng.weighted([
      [0, 50],
      [1, 35],
      [2, 15],
    ] as const);
    for (let i = 0; i < siblings; i++) {
      youngestAge += i === 0 ? rng.int(100, 900) : rng.int(450, 1500);
      out.push(born(youngestAge));
    }
    return out;
  }
  if (kind === "young") {
    youngestAge = rng.weighted([
      [rng.int(0, 2 * year - 1), 55],
      [rng.int(2 * year, 4 * year - 1), 30],
      [rng.int(4 * year, 7 * year - 1), 15],
    ] as const);
  } else if (kind === "older") {
    youngestAge = rng.int(7 * year, Math.min(max, 15) * year + 300);
  } else {
    youngestAge = (max + 1) * year + rng.int(10, 700);
  }
  out.push(born(youngestAge));
  const siblings = rng.weighted([
    [0, 45],
    [1, 35],
    [2, 15],
    [3, 5],
  ] as const);
  for (let i = 0; i < siblings; i++) {
    youngestAge += rng.int(450, 1500);
    if (youngestAge > 21 * year) break;
    out.push(born(youngestAge));
  }
  return out;
}

function pickRiskFactors(rng: Random, household: HouseholdType): RiskFactor[] {
  const weights: Array<readonly [RiskFactor, number]> = [
    ["PARENTING", 40],
    ["LIMITED_NETWORK", household === "SINGLE_PARENT" ? 55 : 30],
    ["PSYCHOLOGICAL", 30],
    ["FINANCIAL", household === "SINGLE_PARENT" ? 35 : 18],
    ["PHYSICAL", 12],
    ["LIVING_ENVIRONMENT", 12],
  ];
  const count = rng.weighted([
    [1, 40],
    [2, 40],
    [3, 20],
  ] as const);
  const out = new Set<RiskFactor>();
  while (out.size < count) out.add(rng.weighted(weights));
  return weights.map(([f]) => f).filter((f) => out.has(f));
}

function chooseVolunteer(
  rng: Random,
  volunteers: VolunteerState[],
  start: Day,
  end: Day,
  language: string | null,
  strictLanguage: boolean,
  wantsOlder: boolean,
  municipalityId: string,
  extraCapacity: number,
  exclude?: VolunteerState,
): VolunteerState | null {
  let best: VolunteerState | null = null;
  let bestScore = -1;
  for (const v of volunteers) {
    if (v === exclude || start < v.from || end >= v.until) continue;
    const load = v.intervals.filter(([a, b]) => a <= end && start <= b).length;
    if (load >= v.maxFamilies + extraCapacity) continue;
    const speaks = language !== null && v.languages.includes(language);
    if (strictLanguage && !speaks) continue;
    const score =
      (speaks ? 4 : 0) +
      (wantsOlder && (v.ageGroups.includes("7_12") || v.ageGroups.includes("13_17")) ? 2 : 0) +
      (v.municipalityId === municipalityId ? 1 : 0) -
      load +
      rng.float() * 1.5;
    if (score > bestScore) {
      best = v;
      bestScore = score;
    }
  }
  return best;
}

/** Builds the demo data set; the same input gives the same output, ids included. */
export function buildDemoData(input: BuildInput): { data: DemoData; stats: DemoStats } {
  if (!(input.scale > 0 && input.scale <= 20)) throw new RangeError(`scale must be in (0, 20], got ${input.scale}`);
  parseDay(input.today);
  return new Builder(input).build();
}

export { formatDay };
