// Licences: applied for with a municipal decision, then granted, activated, suspended, expired or
// terminated (packages/domain checkLicenceApplication, checkLicenceTransition). Every status change
// writes a LicenceStatusChange row. National staff only; whether Home-Start is offered in a
// municipality (mayTakeFamily) is shown on Municipality.homeStart.
import { FeePaymentStatus, findManyAsJson, type Licence, LicenceStatus } from "@homestart/db";
import {
  checkLicenceApplication,
  checkLicenceTransition,
  compareDutch,
  compareText,
  type ExpiryWarning,
  type IsoDate,
  type LicenceTransition,
  licenceExpiryWarnings,
  mayTakeFamily,
  nextLicenceStates,
  type Reason,
} from "@homestart/domain";
import { builder } from "../builder.ts";
import { invalidInput, Refusal } from "../errors.ts";
import { idOfType } from "../global-ids.ts";
import { dbDate, isoDate, isoDateOrNull, todayInNetherlands } from "../mappers.ts";
import { expectUpdated, notFound, writeAudited } from "../mutations.ts";
import { intInRange, LIMITS, optionalText, plausibleDate, requireId } from "../validate.ts";
import { LocalizedText, ReasonRef } from "./errors.ts";
import { LocationRef } from "./locations.ts";
import { MunicipalDecisionRef } from "./municipal-decisions.ts";
import { MunicipalityRef } from "./municipalities.ts";
import { refusable } from "./mutation-result.ts";
import { OrganisationRef } from "./organisations.ts";

const NATIONAL = { nationalStaff: true } as const;

export const LicenceStatusEnum = builder.enumType(LicenceStatus, { name: "LicenceStatus" });
export const FeePaymentStatusEnum = builder.enumType(FeePaymentStatus, { name: "FeePaymentStatus" });

const ExpiryWarningRef = builder.objectRef<ExpiryWarning>("LicenceExpiryWarning").implement({
  description: "Why a running licence needs attention (packages/domain licenceExpiryWarnings).",
  fields: (t) => ({
    code: t.exposeString("code"),
    message: t.field({ type: LocalizedText, resolve: (w) => ({ nl: w.nl, en: w.en }) }),
    validUntil: t.field({ type: "Date", nullable: true, resolve: (w) => w.validUntil }),
    daysLeft: t.exposeInt("daysLeft", { nullable: true }),
  }),
});

builder.prismaObject("LicenceStatusChange", {
  authScopes: NATIONAL,
  fields: (t) => ({
    fromStatus: t.expose("fromStatus", { type: LicenceStatusEnum, nullable: true }),
    toStatus: t.expose("toStatus", { type: LicenceStatusEnum }),
    effectiveOn: t.expose("effectiveOn", { type: "Date" }),
    reason: t.exposeString("reason", { nullable: true }),
    at: t.expose("at", { type: "DateTime" }),
    byName: t.string({
      nullable: true,
      description: "Name of the staff member who made the change.",
      select: { byUser: { select: { name: true } } },
      resolve: (c) => c.byUser?.name ?? null,
    }),
  }),
});

export const LicenceRef = builder.prismaNode("Licence", {
  id: { field: "id" },
  // Select mode: a licence loads only the columns its asked fields read (a list of licences
  // without their conditions and quality standards texts does not carry them; issue 7).
  select: { id: true },
  authScopes: NATIONAL,
  description: "A licence agreement: execution conditions, quality standards and the licence fee (seed 003).",
  fields: (t) => ({
    number: t.exposeString("number"),
    status: t.expose("status", { type: LicenceStatusEnum }),
    appliedOn: t.expose("appliedOn", { type: "Date" }),
    grantedOn: t.expose("grantedOn", { type: "Date", nullable: true }),
    validFrom: t.expose("validFrom", { type: "Date", nullable: true }),
    validUntil: t.expose("validUntil", { type: "Date", nullable: true, description: "Inclusive." }),
    conditions: t.exposeString("conditions"),
    qualityStandards: t.exposeString("qualityStandards"),
    annualFeeCents: t.exposeInt("annualFeeCents"),
    feePaymentStatus: t.expose("feePaymentStatus", { type: FeePaymentStatusEnum }),
    version: t.exposeInt("version", { description: "For optimistic concurrency: send it back with an edit." }),
    organisation: t.relation("organisation", { type: OrganisationRef }),
    location: t.relation("location", { type: LocationRef }),
    municipalDecision: t.relation("municipalDecision", { type: MunicipalDecisionRef, nullable: true }),
    municipalities: t.field({
      type: [MunicipalityRef],
      description: "Municipalities the licence covers.",
      select: { municipalities: { select: { municipality: true } } },
      resolve: (l) => l.municipalities.map((m) => m.municipality).sort((a, b) => compareDutch(a.name, b.name)),
    }),
    statusHistory: t.relation("statusHistory", { query: { orderBy: [{ at: "asc" }, { id: "asc" }] } }),
    allowedTransitions: t.field({
      type: [LicenceStatusEnum],
      description: "The statuses this licence may move to next (packages/domain nextLicenceStates).",
      select: { status: true },
      resolve: (l) => [...nextLicenceStates(l.status)],
    }),
    expiryWarnings: t.field({
      type: [ExpiryWarningRef],
      args: { warnDays: t.arg.int({ required: false, description: "Default 90." }) },
      select: { number: true, status: true, validFrom: true, validUntil: true },
      resolve: (l, args) =>
        licenceExpiryWarnings(
          [
            {
              id: l.id,
              number: l.number,
              status: l.status,
              validFrom: isoDateOrNull(l.validFrom),
              validUntil: isoDateOrNull(l.validUntil),
            },
          ],
          todayInNetherlands(),
          Math.max(0, Math.min(args.warnDays ?? 90, 3650)),
        ),
    }),
  }),
});

const licenceOrder = { orderBy: [{ appliedOn: "desc" as const }, { id: "asc" as const }] };
builder.prismaObjectField(LocationRef, "licences", (t) =>
  t.relation("licences", { type: LicenceRef, authScopes: NATIONAL, query: licenceOrder }),
);
builder.prismaObjectField(OrganisationRef, "licences", (t) => t.relation("licences", { type: LicenceRef, query: licenceOrder }));
builder.prismaObjectField(MunicipalityRef, "licences", (t) =>
  t.field({
    type: [LicenceRef],
    authScopes: NATIONAL,
    description: "Licences covering this municipality, newest application first.",
    select: { licences: { select: { licence: true } } },
    resolve: (m) =>
      m.licences.map((x) => x.licence).sort((a, b) => b.appliedOn.getTime() - a.appliedOn.getTime() || compareText(a.id, b.id)),
  }),
);

interface HomeStartOffer {
  on: IsoDate;
  offered: boolean;
  reasons: Reason[];
  licenceId: string | null;
}

const HomeStartOfferRef = builder.objectRef<HomeStartOffer>("HomeStartOffer").implement({
  description: "Whether Home-Start is offered in a municipality on a date: served under an active licence (packages/domain mayTakeFamily).",
  fields: (t) => ({
    on: t.field({ type: "Date", resolve: (o) => o.on }),
    offered: t.exposeBoolean("offered"),
    reasons: t.field({ type: [ReasonRef], resolve: (o) => o.reasons }),
    licence: t.prismaField({
      type: LicenceRef,
      nullable: true,
      description: "The licence under which it is offered; its location and organisation say by whom.",
      // Always through `query` (an empty `in` matches nothing), so Pothos never sees an unused selection.
      resolve: (query, o, _args, ctx) => ctx.prisma.licence.findFirst({ ...query, where: { id: o.licenceId ?? { in: [] } } }),
    }),
  }),
});

builder.prismaObjectField(MunicipalityRef, "homeStart", (t) =>
  t.field({
    type: HomeStartOfferRef,
    authScopes: NATIONAL,
    args: { on: t.arg({ type: "Date", required: false }) },
    select: {
      code: true,
      licences: { select: { licence: { select: { id: true, locationId: true, status: true, validFrom: true, validUntil: true } } } },
    },
    resolve: (m, args) => {
      const on = (args.on ?? todayInNetherlands()) as IsoDate;
      const coverage = m.licences.map(({ licence: l }) => ({
        id: l.id,
        locationId: l.locationId,
        status: l.status,
        validFrom: isoDateOrNull(l.validFrom),
        validUntil: isoDateOrNull(l.validUntil),
        municipalityCodes: [m.code],
      }));
      const result = mayTakeFamily(coverage, { municipalityCode: m.code, on });
      return { on, offered: result.ok, reasons: result.reasons, licenceId: result.ok ? result.value.id : null };
    },
  }),
);

const LicenceOrderEnum = builder.enumType("LicenceOrder", {
  values: { NUMBER: {}, VALID_UNTIL: { description: "Soonest end first; no end date last." }, APPLIED_ON_DESC: {} } as const,
});

builder.queryField("licences", (t) =>
  t.prismaConnection({
    type: LicenceRef,
    cursor: "id",
    authScopes: NATIONAL,
    description: "Licences with filters. `expiringWithinDays` keeps running licences with an expiry warning within that many days.",
    args: {
      status: t.arg({ type: [LicenceStatusEnum], required: false }),
      expiringWithinDays: t.arg.int({ required: false }),
      organisationId: t.arg.id({ required: false }),
      locationId: t.arg.id({ required: false }),
      municipalityId: t.arg.id({ required: false }),
      orderBy: t.arg({ type: LicenceOrderEnum, required: false }),
    },
    resolve: async (query, _root, args, ctx) => {
      const ref = (value: string | number | null | undefined, typename: string) =>
        value === null || value === undefined ? undefined : (idOfType(String(value), typename) ?? "-");
      const organisationId = ref(args.organisationId, "Organisation");
      const locationId = ref(args.locationId, "Location");
      const municipalityId = ref(args.municipalityId, "Municipality");
      let expiringIds: string[] | undefined;
      if (typeof args.expiringWithinDays === "number") {
        const running = await ctx.prisma.licence.findMany({
          where: { status: { in: ["ACTIVE", "SUSPENDED"] } },
          select: { id: true, status: true, validFrom: true, validUntil: true },
        });
        expiringIds = licenceExpiryWarnings(
          running.map((l) => ({ ...l, validFrom: isoDateOrNull(l.validFrom), validUntil: isoDateOrNull(l.validUntil) })),
          todayInNetherlands(),
          Math.max(0, Math.min(args.expiringWithinDays, 3650)),
        ).map((w) => w.licenceId);
      }
      const orderBy =
        args.orderBy === "NUMBER"
          ? [{ number: "asc" as const }]
          : args.orderBy === "VALID_UNTIL"
            ? [{ validUntil: { sort: "asc" as const, nulls: "last" as const } }, { number: "asc" as const }]
            : [{ appliedOn: "desc" as const }, { number: "asc" as const }];
      const find = {
        ...query,
        where: {
          ...(args.status && args.status.length > 0 ? { status: { in: args.status } } : {}),
          ...(expiringIds ? { id: { in: expiringIds } } : {}),
          ...(organisationId ? { organisationId } : {}),
          ...(locationId ? { locationId } : {}),
          ...(municipalityId ? { municipalities: { some: { municipalityId } } } : {}),
        },
        orderBy: [...orderBy, { id: "asc" as const }],
      };
      // A first page in one statement through the driver (packages/db findManyAsJson), without
      // Prisma's per-query compile; later pages and the municipality filter go to Prisma.
      return (await findManyAsJson<Licence>(ctx.db, "Licence", find)) ?? ctx.prisma.licence.findMany(find);
    },
  }),
);

builder.queryField("licence", (t) =>
  t.prismaField({
    type: LicenceRef,
    nullable: true,
    authScopes: NATIONAL,
    args: { id: t.arg.id() },
    resolve: (query, _root, args, ctx) => {
      const id = idOfType(String(args.id), "Licence");
      return ctx.prisma.licence.findFirst({ ...query, where: { id: id ?? { in: [] } } });
    },
  }),
);

// ---------------------------------------------------------------------------
// Mutations
// ---------------------------------------------------------------------------

const ApplyForLicenceInput = builder.inputType("ApplyForLicenceInput", {
  fields: (t) => ({
    organisationId: t.id(),
    locationId: t.id({ description: "A location of the organisation." }),
    municipalityIds: t.idList({ description: "Municipalities the licence is to cover; each needs a decision in effect." }),
    appliedOn: t.field({ type: "Date", required: false, description: "Today when left out." }),
    conditions: t.string({ required: false }),
    qualityStandards: t.string({ required: false }),
    annualFeeCents: t.int({ required: false }),
  }),
});

builder.mutationField("applyForLicence", (t) =>
  t.field({
    type: LicenceRef,
    authScopes: NATIONAL,
    description: "Records a licence application; refused without a municipal decision in effect for every municipality.",
    args: { input: t.arg({ type: ApplyForLicenceInput }) },
    errors: refusable("ApplyForLicence", "licence"),
    resolve: async (_root, { input }, ctx) => {
      const organisationId = requireId("organisationId", input.organisationId, "Organisation");
      const locationId = requireId("locationId", input.locationId, "Location");
      if (input.municipalityIds.length > LIMITS.listItems)
        throw invalidInput("municipalityIds", "Te veel gemeenten.", "Too many municipalities.");
      const municipalityIds = [...new Set(input.municipalityIds.map((m, i) => requireId(`municipalityIds.${i}`, m, "Municipality")))];
      const appliedOn = input.appliedOn ? plausibleDate("appliedOn", input.appliedOn, { notInFuture: true }) : todayInNetherlands();
      const terms = {
        conditions: optionalText("conditions", input.conditions, { max: LIMITS.note, multiline: true }) ?? "",
        qualityStandards: optionalText("qualityStandards", input.qualityStandards, { max: LIMITS.note, multiline: true }) ?? "",
        annualFeeCents: intInRange("annualFeeCents", input.annualFeeCents ?? 0, 0, 100_000_000),
      };
      return writeAudited(ctx, async (tx) => {
        const location = await tx.location.findUnique({ where: { id: locationId }, select: { organisationId: true } });
        if (!location) throw notFound(undefined, "locationId");
        if (!(await tx.organisation.findUnique({ where: { id: organisationId }, select: { id: true } }))) {
          throw notFound(undefined, "organisationId");
        }
        if (location.organisationId !== organisationId) {
          throw invalidInput(
            "locationId",
            "Deze locatie hoort niet bij de organisatie.",
            "This location does not belong to the organisation.",
          );
        }
        const municipalities = await tx.municipality.findMany({ where: { id: { in: municipalityIds } }, select: { id: true, code: true } });
        if (municipalities.length !== municipalityIds.length) throw notFound(undefined, "municipalityIds");
        const decisions = await tx.municipalDecision.findMany({
          where: { organisationId, municipalityId: { in: municipalityIds } },
          include: { municipality: { select: { code: true } } },
        });
        const check = checkLicenceApplication(
          { organisationId, municipalityCodes: municipalities.map((m) => m.code), appliedOn },
          decisions.map((d) => ({
            id: d.id,
            municipalityCode: d.municipality.code,
            organisationId: d.organisationId,
            decidedOn: isoDate(d.decidedOn),
            effectiveFrom: isoDate(d.effectiveFrom),
            effectiveUntil: isoDateOrNull(d.effectiveUntil),
          })),
        );
        if (!check.ok) throw Refusal.fromReasons(check.reasons, "municipalityIds");
        const number = await nextLicenceNumber(tx, appliedOn);
        const created = await tx.licence.create({
          data: {
            number,
            organisationId,
            locationId,
            // The schema holds one decision per licence: the first municipality's (all were checked).
            municipalDecisionId: check.value[0]?.id ?? null,
            appliedOn: dbDate(appliedOn),
            ...terms,
            municipalities: { create: municipalityIds.map((municipalityId) => ({ municipalityId })) },
            statusHistory: { create: { fromStatus: null, toStatus: "APPLIED", effectiveOn: dbDate(appliedOn), byUserId: ctx.viewer?.id } },
          },
        });
        return {
          result: created,
          audit: {
            action: "licence.apply",
            entityType: "Licence",
            entityId: created.id,
            detail: { organisationId, locationId, municipalityIds, decisionIds: check.value.map((d) => d.id) },
          },
        };
      });
    },
  }),
);

async function nextLicenceNumber(tx: Parameters<Parameters<typeof writeAudited>[1]>[0], appliedOn: IsoDate): Promise<string> {
  const prefix = `HS-${appliedOn.slice(0, 4)}-`;
  const existing = await tx.licence.findMany({ where: { number: { startsWith: prefix } }, select: { number: true } });
  const max = existing.reduce((m, l) => Math.max(m, Number.parseInt(l.number.slice(prefix.length), 10) || 0), 0);
  return `${prefix}${String(max + 1).padStart(3, "0")}`;
}

const TransitionLicenceInput = builder.inputType("TransitionLicenceInput", {
  description:
    "Grant (GRANTED), activate (ACTIVE, with a period), suspend (SUSPENDED, with a reason), reactivate (ACTIVE), expire (EXPIRED) or terminate (TERMINATED, with a reason).",
  fields: (t) => ({
    licenceId: t.id(),
    version: t.int(),
    to: t.field({ type: LicenceStatusEnum }),
    effectiveOn: t.field({ type: "Date", required: false, description: "Today when left out." }),
    validFrom: t.field({ type: "Date", required: false, description: "For activation: the period; the licence's own when left out." }),
    validUntil: t.field({ type: "Date", required: false }),
    reason: t.string({ required: false }),
  }),
});

const TRANSITION_FIELD: Record<string, string> = {
  TRANSITION_NOT_ALLOWED: "to",
  REASON_REQUIRED: "reason",
  PERIOD_REQUIRED: "validFrom",
  PERIOD_ENDS_BEFORE_START: "validUntil",
  PERIOD_ALREADY_ENDED: "validUntil",
};

builder.mutationField("transitionLicence", (t) =>
  t.field({
    type: LicenceRef,
    authScopes: NATIONAL,
    args: { input: t.arg({ type: TransitionLicenceInput }) },
    errors: refusable("TransitionLicence", "licence"),
    resolve: async (_root, { input }, ctx) => {
      const id = requireId("licenceId", input.licenceId, "Licence");
      const effectiveOn = input.effectiveOn ? plausibleDate("effectiveOn", input.effectiveOn, { maxYearsAhead: 1 }) : todayInNetherlands();
      const reasonText = optionalText("reason", input.reason, { max: LIMITS.note, multiline: true });
      const transition: LicenceTransition = { to: input.to, effectiveOn, reason: reasonText };
      if (input.validFrom) transition.validFrom = plausibleDate("validFrom", input.validFrom, { maxYearsAhead: 2 });
      if (input.validUntil) transition.validUntil = plausibleDate("validUntil", input.validUntil, { maxYearsAhead: 10 });
      return writeAudited(ctx, async (tx) => {
        const licence = await tx.licence.findUnique({ where: { id } });
        if (!licence) throw notFound(undefined, "licenceId");
        const check = checkLicenceTransition(
          {
            status: licence.status,
            appliedOn: isoDate(licence.appliedOn),
            grantedOn: isoDateOrNull(licence.grantedOn),
            validFrom: isoDateOrNull(licence.validFrom),
            validUntil: isoDateOrNull(licence.validUntil),
          },
          transition,
        );
        if (!check.ok) throw Refusal.fromReasons(check.reasons, TRANSITION_FIELD[check.reasons[0]?.code ?? ""] ?? "effectiveOn");
        const step = check.value;
        expectUpdated(
          await tx.licence.updateMany({
            where: { id, version: input.version },
            data: {
              status: step.to,
              validFrom: step.validFrom ? dbDate(step.validFrom) : null,
              validUntil: step.validUntil ? dbDate(step.validUntil) : null,
              ...(step.to === "GRANTED" ? { grantedOn: dbDate(effectiveOn) } : {}),
              version: { increment: 1 },
            },
          }),
        );
        await tx.licenceStatusChange.create({
          data: {
            licenceId: id,
            fromStatus: step.from,
            toStatus: step.to,
            effectiveOn: dbDate(effectiveOn),
            reason: reasonText,
            byUserId: ctx.viewer?.id,
          },
        });
        const updated = await tx.licence.findUniqueOrThrow({ where: { id } });
        return {
          result: updated,
          audit: { action: "licence.transition", entityType: "Licence", entityId: id, detail: { from: step.from, to: step.to } },
        };
      });
    },
  }),
);

const UpdateLicenceTermsInput = builder.inputType("UpdateLicenceTermsInput", {
  description: "Only the fields given change.",
  fields: (t) => ({
    licenceId: t.id(),
    version: t.int(),
    conditions: t.string({ required: false }),
    qualityStandards: t.string({ required: false }),
    annualFeeCents: t.int({ required: false }),
    feePaymentStatus: t.field({ type: FeePaymentStatusEnum, required: false }),
  }),
});

builder.mutationField("updateLicenceTerms", (t) =>
  t.field({
    type: LicenceRef,
    authScopes: NATIONAL,
    args: { input: t.arg({ type: UpdateLicenceTermsInput }) },
    errors: refusable("UpdateLicenceTerms", "licence"),
    resolve: async (_root, { input }, ctx) => {
      const id = requireId("licenceId", input.licenceId, "Licence");
      const data = {
        ...(typeof input.conditions === "string"
          ? { conditions: optionalText("conditions", input.conditions, { max: LIMITS.note, multiline: true }) ?? "" }
          : {}),
        ...(typeof input.qualityStandards === "string"
          ? { qualityStandards: optionalText("qualityStandards", input.qualityStandards, { max: LIMITS.note, multiline: true }) ?? "" }
          : {}),
        ...(typeof input.annualFeeCents === "number"
          ? { annualFeeCents: intInRange("annualFeeCents", input.annualFeeCents, 0, 100_000_000) }
          : {}),
        ...(input.feePaymentStatus ? { feePaymentStatus: input.feePaymentStatus } : {}),
      };
      if (Object.keys(data).length === 0) throw invalidInput("conditions", "Er is niets om te wijzigen.", "There is nothing to change.");
      return writeAudited(ctx, async (tx) => {
        if (!(await tx.licence.findUnique({ where: { id }, select: { id: true } }))) throw notFound(undefined, "licenceId");
        expectUpdated(await tx.licence.updateMany({ where: { id, version: input.version }, data: { ...data, version: { increment: 1 } } }));
        const updated = await tx.licence.findUniqueOrThrow({ where: { id } });
        return {
          result: updated,
          audit: { action: "licence.terms", entityType: "Licence", entityId: id, detail: { fields: Object.keys(data) } },
        };
      });
    },
  }),
);
