// Volunteers: coordinators of the volunteer's own location only (out of scope = not found).
// Readiness to be matched (status, training, VOG, room for a family) is decided by packages/domain
// (volunteerReadiness); this file loads, validates, writes audited and explains.
import { VolunteerStatus } from "@homestart/db";
import {
  AVAILABILITY_SLOTS,
  checkVolunteerChange,
  DEFAULT_READINESS_POLICY,
  EXPERIENCE_AGE_GROUPS,
  type IsoDate,
  openMatchCount,
  type Reason,
  trainingExpiresOn,
  vogExpiresOn,
  volunteerReadiness,
} from "@homestart/domain";
import { builder } from "../builder.ts";
import type { Context } from "../context.ts";
import { invalidInput, Refusal } from "../errors.ts";
import { idOfType } from "../global-ids.ts";
import { isoDate, isoDateOrNull, todayInNetherlands } from "../mappers.ts";
import { expectUpdated, notFound, type Tx, writeAudited } from "../mutations.ts";
import {
  codeList,
  intInRange,
  LIMITS,
  optionalEmail,
  optionalPhone,
  optionalPostcode,
  optionalText,
  plausibleDate,
  requiredText,
  requireId,
} from "../validate.ts";
import { ReasonRef } from "./errors.ts";
import { familyLocationScope } from "./families.ts";
import { LocationRef } from "./locations.ts";
import { MunicipalityRef } from "./municipalities.ts";
import { refusable } from "./mutation-result.ts";

export const VolunteerStatusEnum = builder.enumType(VolunteerStatus, { name: "VolunteerStatus" });

/** The locations whose volunteers this viewer may see: a coordinator's own, nobody else's. */
export const volunteerLocationScope = (ctx: Context): string[] => familyLocationScope(ctx);

const VOLUNTEER_NOT_FOUND = { nl: "Vrijwilliger niet gevonden.", en: "Volunteer not found." };

/** What the readiness rule needs of a stored volunteer, with matches counted on `on`. */
export function toVolunteerForReadiness(
  v: {
    id: string;
    status: VolunteerStatus;
    trainingCompletedOn: Date | null;
    vogIssuedOn: Date | null;
    maxFamilies: number;
    matches: Array<{ startOn: Date; endOn: Date | null }>;
  },
  on: IsoDate,
) {
  return {
    id: v.id,
    status: v.status,
    trainingCompletedOn: isoDateOrNull(v.trainingCompletedOn),
    vogIssuedOn: isoDateOrNull(v.vogIssuedOn),
    maxFamilies: v.maxFamilies,
    openMatches: openMatchCount(
      v.matches.map((m) => ({ startOn: isoDate(m.startOn), endOn: isoDateOrNull(m.endOn) })),
      on,
    ),
  };
}

interface Readiness {
  on: IsoDate;
  ready: boolean;
  reasons: Reason[];
  openMatches: number;
  vogExpiresOn: IsoDate | null;
  trainingExpiresOn: IsoDate | null;
}

const ReadinessRef = builder.objectRef<Readiness>("VolunteerReadiness").implement({
  description: "Whether the volunteer can be matched on a date (packages/domain volunteerReadiness), with the reasons if not.",
  fields: (t) => ({
    on: t.field({ type: "Date", resolve: (r) => r.on }),
    ready: t.exposeBoolean("ready"),
    reasons: t.field({ type: [ReasonRef], resolve: (r) => r.reasons }),
    openMatches: t.exposeInt("openMatches", { description: "Matches that still take the volunteer's time on that date." }),
    vogExpiresOn: t.field({
      type: "Date",
      nullable: true,
      description: "First day the certificate of conduct (VOG) is too old.",
      resolve: (r) => r.vogExpiresOn,
    }),
    trainingExpiresOn: t.field({
      type: "Date",
      nullable: true,
      description: "First day the training must have been refreshed; null when it does not expire.",
      resolve: (r) => r.trainingExpiresOn,
    }),
  }),
});

const READINESS_SELECT = {
  status: true,
  trainingCompletedOn: true,
  vogIssuedOn: true,
  maxFamilies: true,
  matches: { select: { startOn: true, endOn: true } },
} as const;

export const VolunteerRef = builder.prismaNode("Volunteer", {
  id: { field: "id" },
  findUnique: (id, ctx) => ({ id, locationId: { in: volunteerLocationScope(ctx) } }),
  authScopes: (volunteer, ctx) => volunteerLocationScope(ctx).includes(volunteer.locationId),
  description: "A volunteer of the coordinator's location.",
  fields: (t) => ({
    firstName: t.exposeString("firstName"),
    lastName: t.exposeString("lastName"),
    email: t.exposeString("email", { nullable: true }),
    phone: t.exposeString("phone", { nullable: true }),
    postcode: t.exposeString("postcode", { nullable: true }),
    status: t.expose("status", { type: VolunteerStatusEnum }),
    vogIssuedOn: t.expose("vogIssuedOn", { type: "Date", nullable: true, description: "Date on the certificate of conduct (VOG)." }),
    trainingCompletedOn: t.expose("trainingCompletedOn", { type: "Date", nullable: true }),
    languages: t.exposeStringList("languages"),
    availability: t.exposeStringList("availability", { description: "Day parts such as MON_MORNING." }),
    experienceAgeGroups: t.exposeStringList("experienceAgeGroups", { description: "PREGNANCY, 0_3, 4_6, 7_12, 13_17." }),
    maxFamilies: t.exposeInt("maxFamilies"),
    version: t.exposeInt("version", { description: "For optimistic concurrency: send it back with an edit." }),
    location: t.relation("location", { type: LocationRef }),
    municipality: t.relation("municipality", { type: MunicipalityRef, nullable: true }),
    readiness: t.field({
      type: ReadinessRef,
      description: "Ready to be matched today (or on `on`)?",
      args: { on: t.arg({ type: "Date", required: false }) },
      select: READINESS_SELECT,
      resolve: (v, args) => {
        const on = (args.on ?? todayInNetherlands()) as IsoDate;
        const input = toVolunteerForReadiness(v, on);
        const result = volunteerReadiness(input, on, DEFAULT_READINESS_POLICY);
        return {
          on,
          ready: result.ok,
          reasons: result.reasons,
          openMatches: input.openMatches,
          vogExpiresOn: input.vogIssuedOn ? vogExpiresOn(input.vogIssuedOn, DEFAULT_READINESS_POLICY) : null,
          trainingExpiresOn: input.trainingCompletedOn ? trainingExpiresOn(input.trainingCompletedOn, DEFAULT_READINESS_POLICY) : null,
        };
      },
    }),
    supervisionMeetings: t.relation("supervisionMeetings", {
      description: "Supervision (begeleiding) by the coordinator, newest first.",
      query: { orderBy: [{ heldOn: "desc" }, { id: "asc" }] },
    }),
  }),
});

export const SupervisionMeetingRef = builder.prismaObject("SupervisionMeeting", {
  authScopes: { coordinator: true },
  description:
    "A supervision meeting (begeleidingsgesprek) of the coordinator with a volunteer (seed 000: trained and supervised volunteers).",
  fields: (t) => ({
    id: t.exposeID("id"),
    heldOn: t.expose("heldOn", { type: "Date" }),
    note: t.exposeString("note", { nullable: true }),
    heldByName: t.string({
      nullable: true,
      select: { heldBy: { select: { name: true } } },
      resolve: (m) => m.heldBy?.name ?? null,
    }),
  }),
});

const VolunteerOrderEnum = builder.enumType("VolunteerOrder", {
  values: {
    NAME: { description: "Last name, first name." },
    VOG_EXPIRY: { description: "Soonest VOG expiry first; volunteers without a VOG first of all." },
  } as const,
});

builder.queryField("volunteers", (t) =>
  t.prismaConnection({
    type: VolunteerRef,
    cursor: "id",
    authScopes: { coordinator: true },
    description: "The volunteers of the coordinator's location(s).",
    args: {
      status: t.arg({ type: [VolunteerStatusEnum], required: false }),
      search: t.arg.string({ required: false, description: "Part of the first or last name." }),
      readyOnly: t.arg.boolean({ required: false, description: "Only volunteers ready to be matched today." }),
      orderBy: t.arg({ type: VolunteerOrderEnum, required: false }),
    },
    resolve: async (query, _root, args, ctx) => {
      const locationIds = volunteerLocationScope(ctx);
      const search = args.search?.trim().slice(0, LIMITS.name);
      let readyIds: string[] | undefined;
      if (args.readyOnly) {
        // Readiness is the domain's rule: judge every candidate in one query, then page over the ready ones.
        const today = todayInNetherlands();
        const candidates = await ctx.prisma.volunteer.findMany({
          where: { locationId: { in: locationIds } },
          select: { id: true, ...READINESS_SELECT },
        });
        readyIds = candidates.filter((v) => volunteerReadiness(toVolunteerForReadiness(v, today), today).ok).map((v) => v.id);
      }
      return ctx.prisma.volunteer.findMany({
        ...query,
        where: {
          locationId: { in: locationIds },
          ...(args.status && args.status.length > 0 ? { status: { in: args.status } } : {}),
          ...(readyIds ? { id: { in: readyIds } } : {}),
          ...(search
            ? { OR: [{ firstName: { contains: search, mode: "insensitive" } }, { lastName: { contains: search, mode: "insensitive" } }] }
            : {}),
        },
        orderBy:
          args.orderBy === "VOG_EXPIRY"
            ? [{ vogIssuedOn: { sort: "asc", nulls: "first" } }, { id: "asc" }]
            : [{ lastName: "asc" }, { firstName: "asc" }, { id: "asc" }],
      });
    },
  }),
);

builder.queryField("volunteer", (t) =>
  t.prismaField({
    type: VolunteerRef,
    nullable: true,
    authScopes: { coordinator: true },
    description: "One volunteer, or null when it does not exist or is not of the coordinator's location.",
    args: { id: t.arg.id() },
    resolve: (query, _root, args, ctx) => {
      const id = idOfType(String(args.id), "Volunteer");
      return ctx.prisma.volunteer.findFirst({
        ...query,
        where: { id: id ?? { in: [] }, locationId: { in: volunteerLocationScope(ctx) } },
      });
    },
  }),
);

const VolunteerDetailsInput = builder.inputType("VolunteerDetailsInput", {
  description: "Everything a coordinator edits about a volunteer (the whole form).",
  fields: (t) => ({
    firstName: t.string(),
    lastName: t.string(),
    email: t.string({ required: false }),
    phone: t.string({ required: false }),
    postcode: t.string({ required: false }),
    municipalityId: t.id({ required: false, description: "Where the volunteer lives." }),
    status: t.field({ type: VolunteerStatusEnum, required: false, description: "APPLICANT when left out." }),
    vogIssuedOn: t.field({ type: "Date", required: false, description: "Date on the certificate of conduct (VOG)." }),
    trainingCompletedOn: t.field({ type: "Date", required: false }),
    languages: t.stringList({ required: false, description: "ISO 639-1 codes (nl, en, pl, tr, ar, ti…)." }),
    availability: t.stringList({ required: false, description: "Day parts such as MON_MORNING, TUE_AFTERNOON, WED_EVENING." }),
    experienceAgeGroups: t.stringList({ required: false, description: "PREGNANCY, 0_3, 4_6, 7_12, 13_17." }),
    maxFamilies: t.int({ required: false, description: "1 when left out; at most 5." }),
  }),
});

const CreateVolunteerInput = builder.inputType("CreateVolunteerInput", {
  fields: (t) => ({
    locationId: t.id({ required: false, description: "Needed only when the coordinator works for more than one location." }),
    details: t.field({ type: VolunteerDetailsInput }),
  }),
});

const UpdateVolunteerInput = builder.inputType("UpdateVolunteerInput", {
  fields: (t) => ({
    id: t.id(),
    version: t.int(),
    details: t.field({ type: VolunteerDetailsInput }),
  }),
});

type Details = typeof VolunteerDetailsInput.$inferInput;

function validDetails(d: Details) {
  const date = (field: string, value: string | null | undefined) =>
    value ? new Date(`${plausibleDate(field, value, { notInFuture: true })}T00:00:00Z`) : null;
  return {
    firstName: requiredText("details.firstName", d.firstName, { max: LIMITS.name }),
    lastName: requiredText("details.lastName", d.lastName, { max: LIMITS.name }),
    email: optionalEmail("details.email", d.email),
    phone: optionalPhone("details.phone", d.phone),
    postcode: optionalPostcode("details.postcode", d.postcode),
    status: d.status ?? "APPLICANT",
    vogIssuedOn: date("details.vogIssuedOn", d.vogIssuedOn),
    trainingCompletedOn: date("details.trainingCompletedOn", d.trainingCompletedOn),
    languages: codeList("details.languages", d.languages ?? []),
    availability: codeList("details.availability", d.availability ?? [], AVAILABILITY_SLOTS),
    experienceAgeGroups: codeList("details.experienceAgeGroups", d.experienceAgeGroups ?? [], EXPERIENCE_AGE_GROUPS),
    maxFamilies: intInRange("details.maxFamilies", d.maxFamilies ?? 1, 1, 5),
  };
}

function municipalityIdOf(d: Details): string | null {
  return d.municipalityId === null || d.municipalityId === undefined
    ? null
    : requireId("details.municipalityId", d.municipalityId, "Municipality");
}

async function requireMunicipality(tx: Tx, id: string | null) {
  if (id === null) return;
  const found = await tx.municipality.findUnique({ where: { id }, select: { id: true } });
  if (!found) throw notFound({ nl: "Gemeente niet gevonden.", en: "Municipality not found." }, "details.municipalityId");
}

/** The location to add a volunteer to: the given one, or the coordinator's only location. */
function volunteerLocation(ctx: Context, given: string | number | null | undefined): string {
  const locationIds = volunteerLocationScope(ctx);
  if (given !== null && given !== undefined) {
    const id = requireId("locationId", given, "Location");
    if (!locationIds.includes(id)) throw notFound({ nl: "Locatie niet gevonden.", en: "Location not found." }, "locationId");
    return id;
  }
  if (locationIds.length !== 1 || !locationIds[0]) {
    throw invalidInput("locationId", "Kies de locatie van de vrijwilliger.", "Choose the volunteer's location.");
  }
  return locationIds[0];
}

builder.mutationField("createVolunteer", (t) =>
  t.field({
    type: VolunteerRef,
    authScopes: { coordinator: true },
    description: "Adds a volunteer to the coordinator's location.",
    args: { input: t.arg({ type: CreateVolunteerInput }) },
    errors: refusable("CreateVolunteer", "volunteer"),
    resolve: async (_root, { input }, ctx) => {
      const locationId = volunteerLocation(ctx, input.locationId);
      const details = validDetails(input.details);
      const municipalityId = municipalityIdOf(input.details);
      return writeAudited(ctx, async (tx) => {
        await requireMunicipality(tx, municipalityId);
        const created = await tx.volunteer.create({ data: { locationId, municipalityId, ...details } });
        return {
          result: created,
          audit: { action: "volunteer.create", entityType: "Volunteer", entityId: created.id, detail: { status: created.status } },
        };
      });
    },
  }),
);

builder.mutationField("updateVolunteer", (t) =>
  t.field({
    type: VolunteerRef,
    authScopes: { coordinator: true },
    description: "Saves the volunteer form. Refused with CONFLICT when someone else saved since `version`.",
    args: { input: t.arg({ type: UpdateVolunteerInput }) },
    errors: refusable("UpdateVolunteer", "volunteer"),
    resolve: async (_root, { input }, ctx) => {
      const id = requireId("id", input.id, "Volunteer");
      const details = validDetails(input.details);
      const municipalityId = municipalityIdOf(input.details);
      return writeAudited(ctx, async (tx) => {
        const current = await tx.volunteer.findFirst({
          where: { id, locationId: { in: volunteerLocationScope(ctx) } },
          include: { matches: { select: { startOn: true, endOn: true } } },
        });
        if (!current) throw notFound(VOLUNTEER_NOT_FOUND);
        await requireMunicipality(tx, municipalityId);
        const { openMatches } = toVolunteerForReadiness(current, todayInNetherlands());
        const check = checkVolunteerChange({ status: details.status, maxFamilies: details.maxFamilies, openMatches });
        if (!check.ok) {
          const field = check.reasons[0]?.code === "VOLUNTEER_HAS_OPEN_MATCHES" ? "details.status" : "details.maxFamilies";
          throw Refusal.fromReasons(check.reasons, field);
        }
        const next = { ...details, municipalityId };
        const changed = (Object.keys(next) as Array<keyof typeof next>).filter(
          (k) => JSON.stringify(next[k]) !== JSON.stringify(current[k]),
        );
        expectUpdated(
          await tx.volunteer.updateMany({ where: { id, version: input.version }, data: { ...next, version: { increment: 1 } } }),
        );
        const updated = await tx.volunteer.findUniqueOrThrow({ where: { id } });
        return {
          result: updated,
          audit: { action: "volunteer.update", entityType: "Volunteer", entityId: id, detail: { fields: changed, status: updated.status } },
        };
      });
    },
  }),
);

const RecordSupervisionMeetingInput = builder.inputType("RecordSupervisionMeetingInput", {
  fields: (t) => ({
    volunteerId: t.id(),
    heldOn: t.field({ type: "Date" }),
    note: t.string({ required: false }),
  }),
});

builder.mutationField("recordSupervisionMeeting", (t) =>
  t.field({
    type: SupervisionMeetingRef,
    authScopes: { coordinator: true },
    description: "Records a supervision meeting with a volunteer, held by the viewer.",
    args: { input: t.arg({ type: RecordSupervisionMeetingInput }) },
    errors: refusable("RecordSupervisionMeeting", "supervisionMeeting"),
    resolve: async (_root, { input }, ctx) => {
      const volunteerId = requireId("volunteerId", input.volunteerId, "Volunteer");
      const heldOn = plausibleDate("heldOn", input.heldOn, { notInFuture: true });
      const note = optionalText("note", input.note, { max: LIMITS.note, multiline: true });
      return writeAudited(ctx, async (tx) => {
        const volunteer = await tx.volunteer.findFirst({
          where: { id: volunteerId, locationId: { in: volunteerLocationScope(ctx) } },
          select: { id: true },
        });
        if (!volunteer) throw notFound(VOLUNTEER_NOT_FOUND, "volunteerId");
        const meeting = await tx.supervisionMeeting.create({
          data: { volunteerId, heldOn: new Date(`${heldOn}T00:00:00Z`), note, heldById: ctx.viewer?.id ?? null },
        });
        return {
          result: meeting,
          audit: {
            action: "volunteer.supervision",
            entityType: "Volunteer",
            entityId: volunteerId,
            detail: { supervisionMeetingId: meeting.id },
          },
        };
      });
    },
  }),
);
