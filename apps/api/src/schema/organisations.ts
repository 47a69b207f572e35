// Executing organisations and their locations, as the national office manages them. A location's
// name and city stay public (locations.ts); everything added here is for national staff only.
// Which municipalities a location serves is a history of periods (packages/domain
// checkStartServing / checkStopServing).
import { checkStartServing, checkStopServing, compareDutch, type ServedPeriod } from "@homestart/domain";
import { builder } from "../builder.ts";
import { invalidInput, Refusal } from "../errors.ts";
import { idOfType } from "../global-ids.ts";
import { dbDate, isoDate, isoDateOrNull } from "../mappers.ts";
import { expectUpdated, notFound, writeAudited } from "../mutations.ts";
import { LIMITS, optionalEmail, optionalPhone, plausibleDate, requiredText, requireId } from "../validate.ts";
import { LocationRef } from "./locations.ts";
import { MunicipalityRef } from "./municipalities.ts";
import { refusable } from "./mutation-result.ts";

const NATIONAL = { nationalStaff: true } as const;

export const OrganisationRef = builder.prismaNode("Organisation", {
  id: { field: "id" },
  authScopes: NATIONAL,
  description: "An executing organisation (uitvoerende organisatie) running one or more locations.",
  fields: (t) => ({
    name: t.exposeString("name"),
    city: t.exposeString("city"),
    email: t.exposeString("email", { nullable: true }),
    phone: t.exposeString("phone", { nullable: true }),
    version: t.exposeInt("version", { description: "For optimistic concurrency: send it back with an edit." }),
    locations: t.relation("locations", { type: LocationRef, query: { orderBy: [{ name: "asc" }, { id: "asc" }] } }),
  }),
});

builder.prismaObject("LocationMunicipality", {
  name: "ServedMunicipality",
  authScopes: NATIONAL,
  description: "A period in which a location served a municipality (inclusive dates; servedUntil null = still served).",
  fields: (t) => ({
    municipality: t.relation("municipality", { type: MunicipalityRef }),
    servedFrom: t.expose("servedFrom", { type: "Date" }),
    servedUntil: t.expose("servedUntil", { type: "Date", nullable: true }),
  }),
});

interface CoordinatorContact {
  name: string;
  email: string;
  active: boolean;
}

const CoordinatorContactRef = builder.objectRef<CoordinatorContact>("CoordinatorContact").implement({
  description: "A coordinator working for a location (a user scoped to it).",
  fields: (t) => ({ name: t.exposeString("name"), email: t.exposeString("email"), active: t.exposeBoolean("active") }),
});

// National-only details of a location; coordinators reach LocationRef through `me.locations`, so each field says who may see it.
builder.prismaObjectFields(LocationRef, (t) => ({
  organisation: t.relation("organisation", { type: OrganisationRef, authScopes: NATIONAL }),
  phone: t.exposeString("phone", { nullable: true, authScopes: NATIONAL }),
  email: t.exposeString("email", { nullable: true, authScopes: NATIONAL }),
  startedOn: t.expose("startedOn", { type: "Date", authScopes: NATIONAL }),
  closedOn: t.expose("closedOn", { type: "Date", nullable: true, authScopes: NATIONAL }),
  version: t.exposeInt("version", { authScopes: NATIONAL }),
  coordinators: t.field({
    type: [CoordinatorContactRef],
    authScopes: NATIONAL,
    select: { userScopes: { select: { user: { select: { name: true, email: true, role: true, active: true } } } } },
    resolve: (location) =>
      location.userScopes
        .map((s) => s.user)
        .filter((u) => u.role === "COORDINATOR")
        .map((u) => ({ name: u.name, email: u.email, active: u.active }))
        .sort((a, b) => compareDutch(a.name, b.name)),
  }),
  servedMunicipalities: t.relation("municipalities", {
    authScopes: NATIONAL,
    description: "Every period in which the location served a municipality, newest first.",
    query: { orderBy: [{ servedFrom: "desc" }, { id: "asc" }] },
  }),
}));

builder.queryField("organisations", (t) =>
  t.prismaConnection({
    type: OrganisationRef,
    cursor: "id",
    authScopes: NATIONAL,
    description: "Executing organisations by name; `search` matches name or city.",
    args: { search: t.arg.string({ required: false }) },
    resolve: (query, _root, args, ctx) => {
      const search = args.search?.trim().slice(0, 100);
      return ctx.prisma.organisation.findMany({
        ...query,
        where: search
          ? { OR: [{ name: { contains: search, mode: "insensitive" } }, { city: { contains: search, mode: "insensitive" } }] }
          : undefined,
        orderBy: [{ name: "asc" }, { id: "asc" }],
      });
    },
  }),
);

builder.queryField("organisation", (t) =>
  t.prismaField({
    type: OrganisationRef,
    nullable: true,
    authScopes: NATIONAL,
    args: { id: t.arg.id() },
    resolve: (query, _root, args, ctx) => {
      const id = idOfType(String(args.id), "Organisation");
      return ctx.prisma.organisation.findFirst({ ...query, where: { id: id ?? { in: [] } } });
    },
  }),
);

builder.queryField("locations", (t) =>
  t.prismaConnection({
    type: LocationRef,
    cursor: "id",
    authScopes: NATIONAL,
    description: "Every location by name (open ones unless `includeClosed`), optionally of one organisation or matching `search`.",
    args: {
      search: t.arg.string({ required: false }),
      organisationId: t.arg.id({ required: false }),
      includeClosed: t.arg.boolean({ required: false }),
    },
    resolve: (query, _root, args, ctx) => {
      const search = args.search?.trim().slice(0, 100);
      const organisationId = args.organisationId ? (idOfType(String(args.organisationId), "Organisation") ?? "-") : undefined;
      return ctx.prisma.location.findMany({
        ...query,
        where: {
          ...(organisationId ? { organisationId } : {}),
          ...(args.includeClosed ? {} : { closedOn: null }),
          ...(search
            ? { OR: [{ name: { contains: search, mode: "insensitive" } }, { city: { contains: search, mode: "insensitive" } }] }
            : {}),
        },
        orderBy: [{ name: "asc" }, { id: "asc" }],
      });
    },
  }),
);

builder.queryField("location", (t) =>
  t.prismaField({
    type: LocationRef,
    nullable: true,
    authScopes: NATIONAL,
    args: { id: t.arg.id() },
    resolve: (query, _root, args, ctx) => {
      const id = idOfType(String(args.id), "Location");
      return ctx.prisma.location.findFirst({ ...query, where: { id: id ?? { in: [] } } });
    },
  }),
);

// ---------------------------------------------------------------------------
// Mutations
// ---------------------------------------------------------------------------

const OrganisationInput = builder.inputType("OrganisationInput", {
  fields: (t) => ({
    name: t.string(),
    city: t.string(),
    email: t.string({ required: false }),
    phone: t.string({ required: false }),
  }),
});

const UpdateOrganisationInput = builder.inputType("UpdateOrganisationInput", {
  fields: (t) => ({
    id: t.id(),
    version: t.int(),
    name: t.string(),
    city: t.string(),
    email: t.string({ required: false }),
    phone: t.string({ required: false }),
  }),
});

function organisationData(input: { name: string; city: string; email?: string | null; phone?: string | null }) {
  return {
    name: requiredText("name", input.name, { max: LIMITS.short }),
    city: requiredText("city", input.city, { max: LIMITS.name }),
    email: optionalEmail("email", input.email),
    phone: optionalPhone("phone", input.phone),
  };
}

builder.mutationField("createOrganisation", (t) =>
  t.field({
    type: OrganisationRef,
    authScopes: NATIONAL,
    args: { input: t.arg({ type: OrganisationInput }) },
    errors: refusable("CreateOrganisation", "organisation"),
    resolve: async (_root, { input }, ctx) => {
      const data = organisationData(input);
      return writeAudited(ctx, async (tx) => {
        const created = await tx.organisation.create({ data });
        return { result: created, audit: { action: "organisation.create", entityType: "Organisation", entityId: created.id } };
      });
    },
  }),
);

builder.mutationField("updateOrganisation", (t) =>
  t.field({
    type: OrganisationRef,
    authScopes: NATIONAL,
    args: { input: t.arg({ type: UpdateOrganisationInput }) },
    errors: refusable("UpdateOrganisation", "organisation"),
    resolve: async (_root, { input }, ctx) => {
      const id = requireId("id", input.id, "Organisation");
      const data = organisationData(input);
      return writeAudited(ctx, async (tx) => {
        if (!(await tx.organisation.findUnique({ where: { id }, select: { id: true } }))) throw notFound();
        expectUpdated(
          await tx.organisation.updateMany({ where: { id, version: input.version }, data: { ...data, version: { increment: 1 } } }),
        );
        const updated = await tx.organisation.findUniqueOrThrow({ where: { id } });
        return {
          result: updated,
          audit: { action: "organisation.update", entityType: "Organisation", entityId: id, detail: { fields: Object.keys(data) } },
        };
      });
    },
  }),
);

const CreateLocationInput = builder.inputType("CreateLocationInput", {
  fields: (t) => ({
    organisationId: t.id(),
    name: t.string(),
    city: t.string(),
    phone: t.string({ required: false }),
    email: t.string({ required: false }),
    startedOn: t.field({ type: "Date" }),
  }),
});

const UpdateLocationInput = builder.inputType("UpdateLocationInput", {
  fields: (t) => ({
    id: t.id(),
    version: t.int(),
    name: t.string(),
    city: t.string(),
    phone: t.string({ required: false }),
    email: t.string({ required: false }),
    startedOn: t.field({ type: "Date" }),
    closedOn: t.field({ type: "Date", required: false, description: "The last day the location works; null while open." }),
  }),
});

function locationData(input: { name: string; city: string; phone?: string | null; email?: string | null; startedOn: string }) {
  return {
    name: requiredText("name", input.name, { max: LIMITS.short }),
    city: requiredText("city", input.city, { max: LIMITS.name }),
    phone: optionalPhone("phone", input.phone),
    email: optionalEmail("email", input.email),
    startedOn: plausibleDate("startedOn", input.startedOn, { maxYearsAhead: 2 }),
  };
}

builder.mutationField("createLocation", (t) =>
  t.field({
    type: LocationRef,
    authScopes: NATIONAL,
    args: { input: t.arg({ type: CreateLocationInput }) },
    errors: refusable("CreateLocation", "location"),
    resolve: async (_root, { input }, ctx) => {
      const organisationId = requireId("organisationId", input.organisationId, "Organisation");
      const { startedOn, ...data } = locationData(input);
      return writeAudited(ctx, async (tx) => {
        if (!(await tx.organisation.findUnique({ where: { id: organisationId }, select: { id: true } }))) {
          throw notFound({ nl: "Organisatie niet gevonden.", en: "Organisation not found." }, "organisationId");
        }
        const created = await tx.location.create({ data: { ...data, organisationId, startedOn: dbDate(startedOn) } });
        return {
          result: created,
          audit: { action: "location.create", entityType: "Location", entityId: created.id, detail: { organisationId } },
        };
      });
    },
  }),
);

builder.mutationField("updateLocation", (t) =>
  t.field({
    type: LocationRef,
    authScopes: NATIONAL,
    args: { input: t.arg({ type: UpdateLocationInput }) },
    errors: refusable("UpdateLocation", "location"),
    resolve: async (_root, { input }, ctx) => {
      const id = requireId("id", input.id, "Location");
      const { startedOn, ...data } = locationData(input);
      const closedOn = input.closedOn ? plausibleDate("closedOn", input.closedOn, { maxYearsAhead: 2 }) : null;
      if (closedOn !== null && closedOn < startedOn) {
        throw invalidInput("closedOn", "De sluitingsdatum ligt vóór de startdatum.", "The closing date is before the start date.");
      }
      return writeAudited(ctx, async (tx) => {
        if (!(await tx.location.findUnique({ where: { id }, select: { id: true } }))) throw notFound();
        expectUpdated(
          await tx.location.updateMany({
            where: { id, version: input.version },
            data: { ...data, startedOn: dbDate(startedOn), closedOn: closedOn ? dbDate(closedOn) : null, version: { increment: 1 } },
          }),
        );
        const updated = await tx.location.findUniqueOrThrow({ where: { id } });
        return {
          result: updated,
          audit: { action: "location.update", entityType: "Location", entityId: id, detail: { closed: closedOn !== null } },
        };
      });
    },
  }),
);

const ServeMunicipalityInput = builder.inputType("ServeMunicipalityInput", {
  fields: (t) => ({ municipalityId: t.id(), from: t.field({ type: "Date", description: "First day served." }) }),
});
const StopServingMunicipalityInput = builder.inputType("StopServingMunicipalityInput", {
  fields: (t) => ({ municipalityId: t.id(), until: t.field({ type: "Date", description: "Last day served." }) }),
});

const SetLocationMunicipalitiesInput = builder.inputType("SetLocationMunicipalitiesInput", {
  description: "Start serving municipalities from a date and/or stop serving others after a date. Past periods stay as history.",
  fields: (t) => ({
    locationId: t.id(),
    version: t.int({ description: "The location's version." }),
    serve: t.field({ type: [ServeMunicipalityInput], required: false }),
    stop: t.field({ type: [StopServingMunicipalityInput], required: false }),
  }),
});

builder.mutationField("setLocationMunicipalities", (t) =>
  t.field({
    type: LocationRef,
    authScopes: NATIONAL,
    args: { input: t.arg({ type: SetLocationMunicipalitiesInput }) },
    errors: refusable("SetLocationMunicipalities", "location"),
    resolve: async (_root, { input }, ctx) => {
      const locationId = requireId("locationId", input.locationId, "Location");
      const serve = (input.serve ?? []).map((s, i) => ({
        municipalityId: requireId(`serve.${i}.municipalityId`, s.municipalityId, "Municipality"),
        from: plausibleDate(`serve.${i}.from`, s.from, { maxYearsAhead: 2 }),
      }));
      const stop = (input.stop ?? []).map((s, i) => ({
        municipalityId: requireId(`stop.${i}.municipalityId`, s.municipalityId, "Municipality"),
        until: plausibleDate(`stop.${i}.until`, s.until, { maxYearsAhead: 2 }),
      }));
      if (serve.length + stop.length === 0 || serve.length + stop.length > LIMITS.listItems) {
        throw invalidInput("serve", "Geef één tot twintig wijzigingen.", "Give one to twenty changes.");
      }
      return writeAudited(ctx, async (tx) => {
        const location = await tx.location.findUnique({ where: { id: locationId }, include: { municipalities: true } });
        if (!location) throw notFound(undefined, "locationId");
        const known = await tx.municipality.findMany({
          where: { id: { in: [...serve, ...stop].map((c) => c.municipalityId) } },
          select: { id: true },
        });
        const knownIds = new Set(known.map((m) => m.id));
        let periods: ServedPeriod[] = location.municipalities.map((m) => ({
          id: m.id,
          municipalityId: m.municipalityId,
          servedFrom: isoDate(m.servedFrom),
          servedUntil: isoDateOrNull(m.servedUntil),
        }));
        for (const [i, s] of stop.entries()) {
          if (!knownIds.has(s.municipalityId)) throw notFound(undefined, `stop.${i}.municipalityId`);
          const result = checkStopServing(periods, s.municipalityId, s.until);
          if (!result.ok) throw Refusal.fromReasons(result.reasons, `stop.${i}.until`);
          periods = periods.map((p) => (p.id === result.value.id ? result.value : p));
          await tx.locationMunicipality.update({ where: { id: result.value.id }, data: { servedUntil: dbDate(s.until) } });
        }
        for (const [i, s] of serve.entries()) {
          if (!knownIds.has(s.municipalityId)) throw notFound(undefined, `serve.${i}.municipalityId`);
          const result = checkStartServing(periods, s.municipalityId, s.from);
          if (!result.ok) throw Refusal.fromReasons(result.reasons, `serve.${i}.from`);
          const row = await tx.locationMunicipality.create({
            data: { locationId, municipalityId: s.municipalityId, servedFrom: dbDate(s.from) },
          });
          periods.push({ ...result.value, id: row.id });
        }
        expectUpdated(
          await tx.location.updateMany({ where: { id: locationId, version: input.version }, data: { version: { increment: 1 } } }),
        );
        const updated = await tx.location.findUniqueOrThrow({ where: { id: locationId } });
        return {
          result: updated,
          audit: {
            action: "location.municipalities.set",
            entityType: "Location",
            entityId: locationId,
            detail: { serve: serve.map((s) => s.municipalityId), stop: stop.map((s) => s.municipalityId) },
          },
        };
      });
    },
  }),
);
