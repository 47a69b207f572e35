// The benchmark's data: a Home-Start Netherlands of `years` years before a reference day, as a
// pure function of (size, reference day, password hash). Rows go straight to a Loader location
// by location, so memory stays bounded whatever the size. Proportions follow the seeds and the
// demo seed (prisma/seed/build.ts): 62% via a referrer, 30% single parent (seed 000), weekly
// visits of about two hours, about 105 hours a year per family (seed 004), age policies 0–6,
// 0–14 or 0–17 (seeds 001, 004), a visitatie about every three years (seed 002).
import { withDuplicateKeys } from "@homestart/domain";
import { addMonths, addYears, type Day, dayOf, formatDay, nextWorkday, parseDay, weekday, yearOf } from "../../../prisma/seed/dates.ts";
import {
  AVAILABILITY_SLOTS,
  FINAL_SUMMARIES,
  FINDINGS,
  INTERIM_SUMMARIES,
  type Language,
  LICENCE_CONDITIONS,
  LICENCE_QUALITY_STANDARDS,
  NAMES,
  PEOPLE_FIRST,
  STREETS,
  SUPPORT_QUESTIONS,
  VISIT_NOTES,
} from "../../../prisma/seed/fixtures.ts";
import type { MunicipalityRow } from "../../../prisma/seed/municipalities.ts";
import { Random, stratified } from "../../../prisma/seed/random.ts";
import type { Loader } from "./loader.ts";
import { FAMILY_NAMES } from "./names.ts";

export type Size = "S" | "M" | "L";

export interface SizeSpec {
  years: number;
  families: number;
  locations: number;
  servedMunicipalities: number;
  volunteers: number;
}

/** S: one Dutch year; M: ten; L: ten times M (same locations, ten times the families). */
export const SIZES: Record<Size, SizeSpec> = {
  S: { years: 1, families: 4_000, locations: 100, servedMunicipalities: 180, volunteers: 2_900 },
  M: { years: 10, families: 40_000, locations: 100, servedMunicipalities: 180, volunteers: 8_100 },
  L: { years: 10, families: 400_000, locations: 100, servedMunicipalities: 180, volunteers: 81_000 },
};

export const BENCH_DOMAIN = "bench.home-start.nl";
/** The one password of every benchmark account (benchmark databases only). */
export const BENCH_PASSWORD = "bench-home-start";
/** A fixed reference day, so the same size always gives the same rows. */
export const DEFAULT_REFERENCE_DAY = "2026-11-01";
const SEED = 0xbe4c2026;

export const benchEmail = {
  admin: `admin@${BENCH_DOMAIN}`,
  national: (k: number) => `national.${k}@${BENCH_DOMAIN}`,
  coordinator: (n: number) => `coordinator.${n}@${BENCH_DOMAIN}`,
  officer: (code: string) => `officer.${code.toLowerCase()}@${BENCH_DOMAIN}`,
};

/** What the harness needs to know about a generated database (kept in an AuditEntry, action bench.data). */
export interface BenchMeta {
  size: Size;
  referenceDay: string;
  years: number;
  /** The coordinator of the largest location, the officer of its main municipality, a national staff member. */
  coordinatorEmail: string;
  officerEmail: string;
  officerMunicipalityId: string;
  nationalEmail: string;
  password: string;
}

const VISIT_MINUTES = [90, 105, 120, 120, 135, 150, 150, 165, 180, 180] as const;
const NATIONAL_STAFF = 5;
/** Families register from this long before the measured years, so support is in full swing in the first one. */
const LEAD_IN_DAYS = 300;

const pad = (n: number) => String(n).padStart(8, "0");
const ts = (day: Day, hour: number, minute = 0) =>
  `${formatDay(day)} ${String(hour).padStart(2, "0")}:${String(minute).padStart(2, "0")}:00`;
const date = (day: Day | null) => (day === null ? null : formatDay(day));

class Ids {
  readonly #counters = new Map<string, number>();
  next(prefix: string): string {
    const n = (this.#counters.get(prefix) ?? 0) + 1;
    this.#counters.set(prefix, n);
    return `b_${prefix}_${pad(n)}`;
  }
}

interface Served {
  id: string;
  code: string;
  name: string;
  weight: number;
  /** Age policies in force: maximum age and period. */
  policies: Array<{ max: number; from: Day; until: Day | null }>;
}

interface LocationState {
  index: number;
  id: string;
  coordinatorId: string;
  startedOn: Day;
  served: Served[];
  families: number;
  volunteers: number;
}

interface VolunteerState {
  id: string;
  from: Day;
  until: Day;
  max: number;
  languages: string[];
  /** End days of the matches it carries (pruned as the calendar moves on). */
  ends: Day[];
}

export interface GenerateInput {
  size: Size;
  referenceDay?: string;
  passwordHash: string;
  municipalities: readonly MunicipalityRow[];
}

export class BenchGenerator {
  readonly spec: SizeSpec;
  readonly T: Day;
  /** First day of the measured years; families register from LEAD_IN_DAYS before it. */
  readonly W: Day;
  readonly ids = new Ids();
  readonly rng = new Random(SEED);
  readonly input: GenerateInput;
  readonly out: Loader;
  readonly national: string[] = [];
  #licenceSeq = 0;

  constructor(input: GenerateInput, out: Loader) {
    this.input = input;
    this.out = out;
    this.spec = SIZES[input.size];
    this.T = parseDay(input.referenceDay ?? DEFAULT_REFERENCE_DAY);
    this.W = addYears(this.T, -this.spec.years);
  }

  async run(): Promise<BenchMeta> {
    const { out, T } = this;
    const created = ts(dayOf(2015, 1, 5), 9);
    const municipalities = this.input.municipalities.map((m) => ({ ...m, id: `b_mun_${m.code}` }));
    for (const m of municipalities) await out.add("Municipality", { id: m.id, code: m.code, name: m.name, province: m.province });

    const user = async (email: string, name: string, role: string) => {
      const id = this.ids.next("usr");
      await out.add("User", {
        id,
        email,
        name,
        passwordHash: this.input.passwordHash,
        role,
        active: true,
        locale: "nl",
        createdAt: created,
        lastLoginAt: null,
      });
      return id;
    };
    await user(benchEmail.admin, "Bench Beheerder", "ADMIN");
    for (let k = 1; k <= NATIONAL_STAFF; k++) this.national.push(await user(benchEmail.national(k), `Landelijk ${k}`, "NATIONAL_STAFF"));

    // Which municipalities are served, and by which location: a main one each, the rest spread.
    const rng = this.rng.fork("layout");
    const chosen = rng.sample(municipalities, this.spec.servedMunicipalities);
    const weights = Array.from({ length: this.spec.locations }, (_, i) => (i === 0 ? 6 : 0.5 + rng.float() * 2.5));
    const familyCounts = apportion(this.spec.families, weights);
    const volunteerCounts = apportion(this.spec.volunteers, weights);
    const locations: LocationState[] = [];
    for (let i = 0; i < this.spec.locations; i++) {
      const coordinatorId = await user(benchEmail.coordinator(i + 1), `Coördinator ${i + 1}`, "COORDINATOR");
      locations.push({
        index: i,
        id: this.ids.next("loc"),
        coordinatorId,
        startedOn: this.W - rng.int(200, 3000),
        served: [],
        families: familyCounts[i] ?? 0,
        volunteers: volunteerCounts[i] ?? 0,
      });
    }
    chosen.forEach((m, k) => {
      const location = k < locations.length ? locations[k]! : rng.pick(locations);
      location.served.push({ id: m.id, code: m.code, name: m.name, weight: k < locations.length ? 3 : 1, policies: [] });
    });

    // Municipal officers for every third served municipality (always the largest location's main one).
    let officerEmail = "";
    for (const [k, m] of chosen.entries()) {
      if (k % 3 !== 0) continue;
      const email = benchEmail.officer(m.code);
      const id = await user(email, `Ambtenaar ${m.name}`, "MUNICIPAL_OFFICER");
      await out.add("UserMunicipalityScope", { userId: id, municipalityId: m.id });
      if (k === 0) officerEmail = email;
    }

    const organisations: string[] = [];
    for (let o = 0; o < Math.ceil(this.spec.locations * 0.75); o++) {
      const id = this.ids.next("org");
      organisations.push(id);
      const city = locations[o]?.served[0]?.name ?? "Utrecht";
      await out.add("Organisation", {
        id,
        name: `Welzijn ${city}`,
        city,
        email: `info@welzijn-${o + 1}.example.org`,
        phone: `030-${String(1_000_000 + o).slice(1)}`,
        createdAt: created,
        updatedAt: created,
      });
    }

    for (const location of locations) {
      const organisationId = organisations[location.index] ?? rng.pick(organisations);
      await this.addLocation(location, organisationId);
    }
    for (const location of locations) await this.addPeople(location);

    const top = locations[0]!;
    const meta: BenchMeta = {
      size: this.input.size,
      referenceDay: formatDay(T),
      years: this.spec.years,
      coordinatorEmail: benchEmail.coordinator(top.index + 1),
      officerEmail,
      officerMunicipalityId: top.served[0]!.id,
      nationalEmail: benchEmail.national(1),
      password: BENCH_PASSWORD,
    };
    await out.add("AuditEntry", {
      at: ts(T, 6),
      userId: null,
      action: "bench.data",
      entityType: "Database",
      entityId: null,
      detail: JSON.stringify(meta),
    });
    await out.flush();
    return meta;
  }

  // -------------------------------------------------------------------------
  // Locations: served municipalities, age policies, decisions, licences, visitaties
  // -------------------------------------------------------------------------

  async addLocation(location: LocationState, organisationId: string): Promise<void> {
    const { out, T } = this;
    const rng = this.rng.fork(`location:${location.index}`);
    const main = location.served[0]!;
    const S = location.startedOn;
    await out.add("Location", {
      id: location.id,
      organisationId,
      name: `Home-Start ${main.name}`,
      city: main.name,
      phone: `088-${String(2_000_000 + location.index).slice(1)}`,
      email: `locatie${location.index + 1}@${BENCH_DOMAIN}`,
      startedOn: date(S),
      closedOn: null,
      createdAt: ts(S - 30, 10),
      updatedAt: ts(S - 30, 10),
    });
    await out.add("UserLocationScope", { userId: location.coordinatorId, locationId: location.id });

    for (const m of location.served) {
      await out.add("LocationMunicipality", {
        id: this.ids.next("lmu"),
        locationId: location.id,
        municipalityId: m.id,
        servedFrom: date(S),
        servedUntil: null,
      });
      // Core programme from the start; about a third widen to 0–14 or 0–17 later (seeds 001, 004).
      const widen = rng.chance(0.35) && T - S > 800 ? rng.int(S + 365, T - 60) : null;
      m.policies.push({ max: 6, from: S, until: widen === null ? null : widen - 1 });
      if (widen !== null) m.policies.push({ max: rng.chance(0.6) ? 17 : 14, from: widen, until: null });
      for (const p of m.policies) {
        await out.add("AgePolicy", {
          id: this.ids.next("agp"),
          municipalityId: m.id,
          maxAgeInclusive: p.max,
          pregnancyWeeksFrom: 28,
          validFrom: date(p.from),
          validUntil: date(p.until),
          note: p.max === 6 ? "Kernprogramma: 0 t/m 6 jaar, vanaf 28 weken zwangerschap." : `Verbrede doelgroep: 0 t/m ${p.max} jaar.`,
          createdAt: ts(p.from - 30, 11),
          createdById: this.national[0]!,
        });
      }
    }

    // Three-year licences back to back from the start; the current one ACTIVE, older ones EXPIRED.
    for (let from = S; from <= T; from = addYears(from, 3)) {
      const until = addYears(from, 3) - 1;
      const current = until >= T;
      const decisions: string[] = [];
      for (const m of location.served) {
        const id = this.ids.next("mdc");
        decisions.push(id);
        const decidedOn = nextWorkday(from - rng.int(40, 90));
        await out.add("MunicipalDecision", {
          id,
          municipalityId: m.id,
          organisationId,
          reference: `BS-${yearOf(decidedOn)}-${m.code.slice(2)}-${rng.int(100, 999)}`,
          decidedOn: date(decidedOn),
          effectiveFrom: date(from),
          effectiveUntil: date(until),
          note: null,
          createdAt: ts(decidedOn, 14),
        });
      }
      await this.licence(location, organisationId, decisions[0] ?? null, from, until, current ? "ACTIVE" : "EXPIRED", rng);
      if (current && until - T < 150 && rng.chance(0.5)) {
        await this.licence(location, organisationId, decisions[0] ?? null, until + 1, addYears(until + 1, 3) - 1, "APPLIED", rng);
      }
    }

    // Visitaties about every three years; a few locations are overdue, some have the next one planned.
    const overdue = rng.chance(0.08);
    let day = nextWorkday(S + rng.int(300, 900));
    while (day < T) {
      const next = nextWorkday(addMonths(day, 36 + rng.int(-3, 1)));
      if (overdue && next >= T) break;
      const outcome = rng.weighted([
        ["MEETS_STANDARDS", 70],
        ["MEETS_WITH_ACTIONS", 25],
        ["DOES_NOT_MEET", 5],
      ] as const);
      const id = await this.review(location.id, "PERFORMED", day, outcome, rng);
      if (outcome !== "MEETS_STANDARDS") {
        for (let a = 0; a < rng.int(1, 2); a++) {
          const due = addMonths(day, 3 + 3 * a);
          await out.add("ImprovementAction", {
            id: this.ids.next("imp"),
            qualityReviewId: id,
            description:
              a === 0
                ? "Dossiervorming en vastleggen van toestemmingen op orde brengen."
                : "Scholingsplan voor vrijwilligers actualiseren.",
            dueOn: date(due),
            completedOn: due < T - 14 ? date(due - rng.int(3, 30)) : null,
          });
        }
      }
      day = next;
    }
    if (!overdue && day - T < 183 && rng.chance(0.7)) await this.review(location.id, "PLANNED", day, null, rng);
  }

  async licence(
    location: LocationState,
    organisationId: string,
    decisionId: string | null,
    from: Day,
    until: Day,
    status: "ACTIVE" | "EXPIRED" | "APPLIED",
    rng: Random,
  ): Promise<void> {
    const { out } = this;
    const id = this.ids.next("lic");
    this.#licenceSeq += 1;
    const applied = from - rng.int(80, 110);
    const granted = from - rng.int(20, 40);
    const history: Array<[string, Day]> =
      status === "APPLIED"
        ? [["APPLIED", Math.min(applied, this.T - 5)]]
        : [
            ["APPLIED", applied],
            ["GRANTED", granted],
            ["ACTIVE", from],
          ];
    if (status === "EXPIRED") history.push(["EXPIRED", until + 1]);
    const fee = 195_000 + 25_000 * (location.served.length - 1);
    await out.add("Licence", {
      id,
      number: `HS-${yearOf(applied)}-${String(this.#licenceSeq).padStart(5, "0")}`,
      organisationId,
      locationId: location.id,
      municipalDecisionId: decisionId,
      status,
      appliedOn: date(history[0]![1]),
      grantedOn: status === "APPLIED" ? null : date(granted),
      validFrom: status === "APPLIED" ? null : date(from),
      validUntil: status === "APPLIED" ? null : date(until),
      conditions: LICENCE_CONDITIONS,
      qualityStandards: LICENCE_QUALITY_STANDARDS,
      annualFeeCents: fee,
      feePaymentStatus: status === "EXPIRED" ? "PAID" : status === "APPLIED" ? "NOT_INVOICED" : rng.chance(0.9) ? "PAID" : "INVOICED",
      createdAt: ts(history[0]![1], 10),
      updatedAt: ts(history[history.length - 1]![1], 11),
      version: history.length,
    });
    for (const m of location.served) await out.add("LicenceMunicipality", { licenceId: id, municipalityId: m.id });
    let previous: string | null = null;
    for (const [to, day] of history) {
      await out.add("LicenceStatusChange", {
        id: this.ids.next("lsc"),
        licenceId: id,
        fromStatus: previous,
        toStatus: to,
        effectiveOn: date(day),
        reason: null,
        at: ts(Math.min(day, this.T), 10),
        byUserId: to === "APPLIED" ? location.coordinatorId : to === "EXPIRED" ? null : this.national[0]!,
      });
      previous = to;
    }
  }

  async review(
    locationId: string,
    status: "PERFORMED" | "PLANNED",
    day: Day,
    outcome: "MEETS_STANDARDS" | "MEETS_WITH_ACTIONS" | "DOES_NOT_MEET" | null,
    rng: Random,
  ): Promise<string> {
    const id = this.ids.next("qrv");
    await this.out.add("QualityReview", {
      id,
      locationId,
      status,
      plannedOn: date(day),
      performedOn: status === "PERFORMED" ? date(day) : null,
      outcome,
      findings: outcome ? rng.pick(FINDINGS[outcome]) : "",
      createdAt: ts(Math.min(day, this.T) - 70, 10),
      updatedAt: ts(Math.min(day + 21, this.T), 15),
      version: status === "PERFORMED" ? 3 : 1,
    });
    const reviewers = rng.sample(this.national, rng.int(1, 2));
    for (const userId of reviewers) await this.out.add("QualityReviewReviewer", { qualityReviewId: id, userId });
    return id;
  }

  // -------------------------------------------------------------------------
  // People: referrers, volunteers, families and their support
  // -------------------------------------------------------------------------

  async addPeople(location: LocationState): Promise<void> {
    const rng = this.rng.fork(`people:${location.index}`);
    const referrers = await this.addReferrers(rng.fork("referrers"), location);
    const volunteers = await this.addVolunteers(rng.fork("volunteers"), location);
    await this.addFamilies(rng.fork("families"), location, referrers, volunteers);
  }

  async addReferrers(rng: Random, location: LocationState): Promise<string[]> {
    const types = [
      "DISTRICT_NURSE",
      "DISTRICT_NURSE",
      "DISTRICT_NURSE",
      "CJG",
      "CJG",
      "SOCIAL_WORKER",
      "GP",
      "YOUTH_CARE",
      "PRESCHOOL",
      "CHILDCARE",
      "OTHER",
    ];
    const ids: string[] = [];
    for (const type of types) {
      const id = this.ids.next("rfr");
      const first = rng.pick(PEOPLE_FIRST);
      const last = rng.pick(NAMES.nl.surnames);
      await this.out.add("Referrer", {
        id,
        type,
        name: `${first} ${last}`,
        organisation: `${type === "CJG" ? "Centrum voor Jeugd en Gezin" : "Jeugdgezondheidszorg"} ${rng.pick(location.served).name}`,
        email: `verwijzer.${id}@example.org`,
        phone: `06-00${rng.digits(6)}`,
        createdAt: ts(location.startedOn, 10),
      });
      ids.push(id);
    }
    return ids;
  }

  async addVolunteers(rng: Random, location: LocationState): Promise<VolunteerState[]> {
    const { T, W } = this;
    const out: VolunteerState[] = [];
    const n = Math.max(4, location.volunteers);
    for (let i = 0; i < n; i++) {
      // Joined at any time from two years before the measured years; stay two to seven years.
      const from = rng.int(W - LEAD_IN_DAYS - 730, T - 30);
      const until = from + rng.int(2 * 365, 7 * 365);
      const status =
        from > T - 75 ? (rng.chance(0.5) ? "APPLICANT" : "IN_TRAINING") : until <= T ? "STOPPED" : rng.chance(0.08) ? "PAUSED" : "ACTIVE";
      const trained = status === "APPLICANT" || status === "IN_TRAINING" ? null : from - 7;
      const first = rng.pick(rng.chance(0.85) ? NAMES.nl.women : NAMES.nl.men);
      const last = rng.pick(NAMES.nl.surnames);
      const languages = rng.chance(0.3) ? ["nl", rng.pick(["en", "ar", "tr", "pl", "ti"])] : ["nl"];
      const max = rng.chance(0.4) ? 2 : 1;
      const id = this.ids.next("vol");
      const muni = rng.pick(location.served);
      await this.out.add("Volunteer", {
        id,
        locationId: location.id,
        municipalityId: muni.id,
        firstName: first,
        lastName: last,
        email: `vrijwilliger.${id}@example.org`,
        phone: `06-00${rng.digits(6)}`,
        postcode: postcode(rng),
        status,
        vogIssuedOn: date(trained === null ? (rng.chance(0.6) ? T - rng.int(5, 30) : null) : Math.max(trained - 40, T - rng.int(30, 1200))),
        trainingCompletedOn: date(trained),
        languages,
        availability: rng.sample(AVAILABILITY_SLOTS, rng.int(2, 5)).sort(),
        experienceAgeGroups: rng.chance(0.5) ? ["0_3", "4_6"] : ["0_3", "4_6", "7_12"],
        maxFamilies: max,
        createdAt: ts(Math.min(from, T) - 60, 10),
        updatedAt: ts(Math.min(until, T - 1), 12),
        version: status === "ACTIVE" ? 3 : 2,
      });
      // PAUSED volunteers take no new families from a while before the reference day.
      const available = status === "ACTIVE" || status === "STOPPED" || status === "PAUSED";
      out.push({
        id,
        from: available ? from : Number.POSITIVE_INFINITY,
        until: status === "PAUSED" ? T - 60 : until,
        max,
        languages,
        ends: [],
      });
    }
    return out;
  }

  async addFamilies(rng: Random, location: LocationState, referrers: string[], volunteers: VolunteerState[]): Promise<void> {
    const { T, W } = this;
    const n = location.families;
    const sources = stratified<"SELF" | "REFERRER">(rng, n, [["REFERRER", 0.62]], "SELF");
    const households = stratified<"SINGLE_PARENT" | "TWO_PARENTS" | "OTHER">(
      rng,
      n,
      [
        ["SINGLE_PARENT", 0.3],
        ["OTHER", 0.04],
      ],
      "TWO_PARENTS",
    );
    const plans = Array.from({ length: n }, (_, i) => {
      let registeredOn = rng.int(W - LEAD_IN_DAYS, T - 1);
      if (weekday(registeredOn) === 0 || weekday(registeredOn) === 6) registeredOn = Math.min(T - 1, nextWorkday(registeredOn));
      return { registeredOn, source: sources[i]!, household: households[i]!, seed: i };
    }).sort((a, b) => a.registeredOn - b.registeredOn || a.seed - b.seed);
    let offset = 0;
    for (const plan of plans) {
      offset = (offset + 1) % Math.max(1, volunteers.length);
      await this.addFamily(rng.fork(`family:${plan.seed}`), location, plan, referrers, volunteers, offset);
    }
  }

  async addFamily(
    rng: Random,
    location: LocationState,
    plan: { registeredOn: Day; source: "SELF" | "REFERRER"; household: "SINGLE_PARENT" | "TWO_PARENTS" | "OTHER" },
    referrers: string[],
    volunteers: VolunteerState[],
    offset: number,
  ): Promise<void> {
    const { out, T } = this;
    const R = plan.registeredOn;
    const coordinator = location.coordinatorId;
    const id = this.ids.next("fam");
    const muni = rng.weighted(location.served.map((m) => [m, m.weight] as const));
    const policy = muni.policies.find((p) => p.from <= R && (p.until === null || R <= p.until)) ?? null;
    const language = rng.weighted<Language>([
      ["nl", 80],
      ["ar", 5],
      ["tr", 4],
      ["pl", 4],
      ["en", 3],
      ["ti", 4],
    ]);
    const languages = language === "nl" ? ["nl"] : rng.chance(0.45) ? [language] : [language, "nl"];
    const pool = FAMILY_NAMES[language];
    const surname = rng.pick(pool.surnames);

    // The support timeline: call back, intake, match(es), closure.
    let status = "REGISTERED";
    let calledBack: Day | null = null;
    let intake: Day | null = null;
    let note: string | null = null;
    const matches: Array<{ id: string; volunteer: VolunteerState; start: Day; end: Day | null; endReason: string | null }> = [];
    let closure: { day: Day; reason: string; goals: "ALL" | "PARTLY" | "NONE" } | null = null;
    const notEligible = rng.chance(0.035);
    const candidate = nextWorkday(R + rng.int(0, 3));
    if (candidate < T) calledBack = candidate;
    if (calledBack !== null) {
      if (notEligible) {
        status = "NOT_ELIGIBLE";
        note = "Gezin valt buiten de leeftijdsgrens van de gemeente; verwezen naar het wijkteam.";
      } else if (rng.chance(0.04)) {
        status = "DECLINED";
        note = "Ouder ziet af van ondersteuning.";
      } else {
        intake = nextWorkday(calledBack + rng.int(2, 7));
        if (intake >= T) status = "INTAKE";
        else {
          const reason = rng.weighted([
            ["GOALS_REACHED", 55],
            ["FAMILY_ENDED", 14],
            ["MOVED_AWAY", 8],
            ["REFERRED_TO_PROFESSIONAL_CARE", 15],
            ["OTHER", 8],
          ] as const);
          const months = reason === "GOALS_REACHED" ? rng.int(9, 18) : rng.int(4, 12);
          const desired = nextWorkday(intake + rng.int(3, 9));
          const needLanguage = languages.includes("nl") ? null : language;
          for (let week = 0; week < 16 && matches.length === 0; week++) {
            const start = desired + 7 * week;
            if (start >= T) break;
            const end = addMonths(start, months) + rng.int(-10, 10);
            const v = chooseVolunteer(
              volunteers,
              offset,
              start,
              end,
              needLanguage && week < 2 ? needLanguage : null,
              week >= 8 ? 99 : week >= 4 ? 1 : 0,
            );
            if (!v) continue;
            if (rng.chance(0.05)) {
              // A rematch part-way: the first volunteer stops, another takes over (seed 003: one volunteer per period).
              const split = start + Math.round((end - start) * (0.3 + 0.3 * rng.float()));
              const second = nextWorkday(split + rng.int(7, 21));
              const w = second < end - 30 && second < T ? chooseVolunteer(volunteers, offset + 7, second, end, null, 99, v) : null;
              if (w) {
                v.ends.push(split);
                w.ends.push(end);
                matches.push({
                  id: this.ids.next("mat"),
                  volunteer: v,
                  start,
                  end: split,
                  endReason: "Vrijwilliger gestopt; nieuwe vrijwilliger gekoppeld.",
                });
                matches.push({ id: this.ids.next("mat"), volunteer: w, start: second, end, endReason: null });
              }
            }
            if (matches.length === 0) {
              v.ends.push(end);
              matches.push({ id: this.ids.next("mat"), volunteer: v, start, end, endReason: null });
            }
            const last = matches[matches.length - 1]!;
            if (end < T) {
              last.endReason = reason === "GOALS_REACHED" ? "Ondersteuning afgerond: doelen bereikt." : "Ondersteuning beëindigd.";
              const goals =
                reason === "GOALS_REACHED"
                  ? rng.weighted<"ALL" | "PARTLY" | "NONE">([
                      ["ALL", 70],
                      ["PARTLY", 30],
                    ])
                  : rng.weighted<"ALL" | "PARTLY" | "NONE">([
                      ["PARTLY", 50],
                      ["NONE", 50],
                    ]);
              closure = { day: Math.min(T - 1, end + rng.int(0, 10)), reason, goals };
              status = "CLOSED";
            } else {
              last.end = null;
              status = "ACTIVE";
            }
          }
          if (matches.length === 0) {
            if (desired + 16 * 7 < T) {
              closure = { day: desired + 16 * 7, reason: "NO_MATCH_POSSIBLE", goals: "NONE" };
              status = "CLOSED";
            } else status = "WAITING_FOR_MATCH";
          }
        }
      }
    }
    const passedIntake = status === "WAITING_FOR_MATCH" || status === "ACTIVE" || status === "CLOSED";
    const knowsHousehold = status !== "REGISTERED" && status !== "INTAKE";
    const firstStart = matches[0]?.start ?? null;
    const lastEvent = Math.max(R, calledBack ?? R, intake ?? R, firstStart ?? R, closure?.day ?? R);

    await out.add("Family", {
      id,
      locationId: location.id,
      municipalityId: muni.id,
      registeredOn: date(R),
      source: plan.source,
      householdType: knowsHousehold ? plan.household : null,
      languages,
      riskFactors: passedIntake ? pickRiskFactors(rng, plan.household) : [],
      status,
      postcode: postcode(rng),
      address: `${rng.pick(STREETS)} ${rng.int(1, 180)}`,
      calledBackAt: calledBack === null ? null : ts(calledBack, rng.int(8, 15), rng.int(0, 59)),
      intakeOn: date(intake),
      endedOn: status === "DECLINED" || status === "NOT_ELIGIBLE" ? date(calledBack) : null,
      note,
      createdAt: ts(R, rng.int(8, 17), rng.int(0, 59)),
      updatedAt: ts(Math.min(lastEvent, T - 1), 16),
      version: 1 + (calledBack !== null ? 1 : 0) + (intake !== null ? 1 : 0) + matches.length + (closure ? 1 : 0),
    });

    // Parents and children (about two children per family; an unborn child from 28 weeks).
    const parents = plan.household === "SINGLE_PARENT" ? 1 : plan.household === "TWO_PARENTS" ? 2 : rng.int(1, 2);
    for (let p = 0; p < parents; p++) {
      const first = rng.pick(p === 0 ? pool.women : pool.men);
      const parent = {
        firstName: first,
        lastName: p === 0 || rng.chance(0.5) ? surname : rng.pick(pool.surnames),
        phone: p === 0 || rng.chance(0.6) ? `06-00${rng.digits(6)}` : null,
        email: p === 0 && rng.chance(0.8) ? `ouder.${id}@example.org` : null,
      };
      await out.add("Parent", { id: this.ids.next("par"), familyId: id, ...withDuplicateKeys(parent) });
    }
    const maxAge = policy?.max ?? 6;
    const older = maxAge > 6 && rng.chance(0.35);
    let age = older
      ? rng.int(7 * 365, maxAge * 365)
      : rng.weighted([
          [rng.int(0, 2 * 365 - 1), 55],
          [rng.int(2 * 365, 4 * 365 - 1), 30],
          [rng.int(4 * 365, 7 * 365 - 1), 15],
        ] as const);
    if (notEligible) age = (maxAge + 1) * 365 + rng.int(10, 700);
    const unborn = !older && !notEligible && rng.chance(0.15);
    if (unborn) {
      const expected = R + rng.int(7, 84);
      const born = expected + 14 < T ? Math.min(T - 1, expected + rng.int(-14, 10)) : null;
      await out.add("Child", {
        id: this.ids.next("chi"),
        familyId: id,
        firstName: born === null ? null : rng.pick(pool.children),
        bornOn: date(born),
        expectedOn: date(expected),
      });
    } else {
      await out.add("Child", {
        id: this.ids.next("chi"),
        familyId: id,
        firstName: rng.pick(pool.children),
        bornOn: date(R - age),
        expectedOn: null,
      });
    }
    const siblings = rng.weighted([
      [0, 35],
      [1, 40],
      [2, 18],
      [3, 7],
    ] as const);
    for (let s = 0; s < siblings; s++) {
      age += rng.int(450, 1500);
      await out.add("Child", {
        id: this.ids.next("chi"),
        familyId: id,
        firstName: rng.pick(pool.children),
        bornOn: date(R - age),
        expectedOn: null,
      });
    }

    // Referral and the parents' separate consents (seed 004).
    let referrerId: string | null = null;
    let notify = false;
    const consent = async (type: string, action: string, day: Day, text: string | null) =>
      out.add("ConsentEvent", {
        id: this.ids.next("cns"),
        familyId: id,
        type,
        action,
        at: ts(day, action === "GRANTED" ? 10 : 14, rng.int(0, 59)),
        recordedById: coordinator,
        textVersion: day < dayOf(2025, 1, 1) ? "toestemming-2022-09" : "toestemming-2025-01",
        note: text,
      });
    if (plan.source === "REFERRER") {
      referrerId = rng.pick(referrers);
      const referredOn = R - rng.int(0, 7);
      await out.add("Referral", { id: this.ids.next("rfl"), familyId: id, referrerId, referredOn: date(referredOn) });
      await consent("CONTACT_BY_COORDINATOR", "GRANTED", referredOn, "Toestemming doorgegeven door de verwijzer.");
    } else {
      await consent("CONTACT_BY_COORDINATOR", "GRANTED", R, null);
    }
    if (passedIntake && intake !== null) {
      await consent("PROCESSING", "GRANTED", intake, null);
      if (referrerId && rng.chance(0.85)) {
        notify = true;
        await consent("NOTIFY_REFERRER_START_END", "GRANTED", intake, null);
      }
      if (referrerId && rng.chance(0.3)) await consent("SHARE_DETAILS_WITH_REFERRER", "GRANTED", intake, "Alleen doelen en voortgang.");
      const picked = rng.sample(SUPPORT_QUESTIONS, rng.int(1, 3));
      for (const [k, q] of picked.entries()) {
        await out.add("SupportQuestion", {
          id: this.ids.next("spq"),
          familyId: id,
          question: q.question,
          goal: q.goal,
          goalReached: closure === null ? null : closure.goals === "ALL" ? true : closure.goals === "NONE" ? false : k === 0,
          createdAt: ts(intake, 13, k * 5),
        });
      }
    }

    // Matches and their weekly visits.
    for (const [k, m] of matches.entries()) {
      await out.add("Match", {
        id: m.id,
        familyId: id,
        volunteerId: m.volunteer.id,
        startOn: date(m.start),
        endOn: date(m.end),
        endReason: m.endReason,
        createdAt: ts(m.start - rng.int(1, 4), 11),
      });
      await this.addVisits(rng, m.id, m.start, m.end, coordinator, k === 0);
    }

    // Evaluations: interim every six months of support, final at closure.
    const supportEnd = closure?.day ?? T;
    if (firstStart !== null) {
      for (let k = 1; ; k++) {
        const d = nextWorkday(addMonths(firstStart, 6 * k));
        if (d >= supportEnd || d >= T) break;
        await this.evaluation(rng, id, "INTERIM", d, coordinator, null);
      }
    }
    if (closure) {
      if (firstStart !== null)
        await this.evaluation(rng, id, "FINAL", Math.max(firstStart, closure.day - rng.int(0, 5)), coordinator, closure.goals);
      await out.add("Closure", {
        id: this.ids.next("clo"),
        familyId: id,
        closedOn: date(closure.day),
        reason: closure.reason,
        goalsReached: closure.goals,
        note: null,
        createdAt: ts(closure.day, 15),
      });
    }

    // Referrer notices at start and end, as far as the parents allowed (seed 004).
    if (referrerId && notify && firstStart !== null) {
      await this.notice(id, referrerId, "START", firstStart);
      if (closure) await this.notice(id, referrerId, "END", closure.day);
    }
  }

  async addVisits(rng: Random, matchId: string, start: Day, end: Day | null, loggedById: string, first: boolean): Promise<void> {
    const { T } = this;
    const last = Math.min(end ?? T - 1, T - 1);
    for (let d = start; d <= last; d += 7) {
      const isFirst = d === start;
      if (!isFirst) {
        const when = new Date(d * 86_400_000);
        const month = when.getUTCMonth();
        const holiday =
          (month === 6 && when.getUTCDate() > 20) || (month === 7 && when.getUTCDate() < 20) || (month === 11 && when.getUTCDate() > 22);
        if (rng.chance(holiday ? 0.4 : 0.08)) continue;
      }
      let visitedOn = d;
      if (!isFirst && rng.chance(0.15)) {
        const shifted = d + rng.pick([-2, -1, 1, 2]);
        if (weekday(shifted) !== 0 && weekday(shifted) !== 6 && shifted > start && shifted <= last) visitedOn = shifted;
      }
      await this.out.add("Visit", {
        id: this.ids.next("vis"),
        matchId,
        visitedOn: date(visitedOn),
        minutes: isFirst ? 90 : rng.pick(VISIT_MINUTES),
        note: isFirst && first ? VISIT_NOTES[0] : rng.chance(0.06) ? rng.pick(VISIT_NOTES.slice(1)) : null,
        loggedById,
        createdAt: ts(visitedOn, rng.int(16, 19), rng.int(0, 59)),
      });
    }
  }

  async evaluation(
    rng: Random,
    familyId: string,
    kind: "INTERIM" | "FINAL",
    day: Day,
    recordedById: string,
    goals: "ALL" | "PARTLY" | "NONE" | null,
  ) {
    const [lo, hi] = goals === "ALL" ? [4, 5] : goals === "PARTLY" ? [3, 4] : goals === "NONE" ? [2, 3] : [2, 4];
    const score = () => (rng.chance(0.06) ? null : rng.int(lo, hi));
    await this.out.add("Evaluation", {
      id: this.ids.next("evl"),
      familyId,
      kind,
      heldOn: date(day),
      summary: goals === null ? rng.pick(INTERIM_SUMMARIES) : rng.pick(FINAL_SUMMARIES[goals]),
      parentalWellbeing: score(),
      positiveParenting: score(),
      childBehaviour: score(),
      network: score(),
      createdAt: ts(day, 16, rng.int(0, 59)),
      recordedById,
    });
  }

  async notice(familyId: string, referrerId: string, kind: "START" | "END", day: Day): Promise<void> {
    const subject = kind === "START" ? "Home-Start: ondersteuning gestart" : "Home-Start: ondersteuning afgesloten";
    await this.out.add("ReferrerNotification", {
      id: this.ids.next("ntf"),
      familyId,
      referrerId,
      kind,
      status: "SENT",
      subject,
      body: `${subject} op ${formatDay(day)}. De ouders hebben toestemming gegeven om u hierover te informeren.`,
      attempts: 1,
      createdAt: ts(day, 9, 30),
      updatedAt: ts(day, 9, 31),
      sentAt: ts(day, 9, 31),
    });
  }
}

/** Splits `total` over the weights exactly (largest remainder), so the totals hold at every size. */
export function apportion(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((s, w) => s + w, 0);
  const raw = weights.map((w) => (total * w) / sum);
  const out = raw.map(Math.floor);
  const order = raw.map((r, i) => [r - Math.floor(r), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  let left = total - out.reduce((s, v) => s + v, 0);
  for (const [, i] of order) {
    if (left <= 0) break;
    out[i]! += 1;
    left -= 1;
  }
  return out;
}

function chooseVolunteer(
  volunteers: VolunteerState[],
  offset: number,
  start: Day,
  end: Day,
  language: string | null,
  extra: number,
  exclude?: VolunteerState,
): VolunteerState | null {
  const n = volunteers.length;
  for (let k = 0; k < n; k++) {
    const v = volunteers[(offset + k) % n]!;
    if (v === exclude || start < v.from || end >= v.until) continue;
    if (language !== null && !v.languages.includes(language)) continue;
    if (v.ends.length > 0) v.ends = v.ends.filter((e) => e >= start);
    if (v.ends.length < v.max + extra) return v;
  }
  return null;
}

function pickRiskFactors(rng: Random, household: string): string[] {
  // As in the demo seed: the six risk factors of seed 000, more often a limited network and money worries for single parents.
  const weights: Array<readonly [string, number]> = [
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
  const picked = new Set<string>();
  while (picked.size < count) picked.add(rng.weighted(weights));
  return weights.map(([f]) => f).filter((f) => picked.has(f));
}

const POSTCODE_LETTERS = [..."ABCDEGHJKLMNPRTVWXZ"];
function postcode(rng: Random): string {
  return `${rng.int(1000, 9999)} ${rng.pick(POSTCODE_LETTERS)}${rng.pick(POSTCODE_LETTERS)}`;
}
