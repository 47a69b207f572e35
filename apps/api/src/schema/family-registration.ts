// Registering a family: by the coordinator for a family that called (SELF) or was referred
// (REFERRER), with the consent to be called back. Location licence and consent are decided by
// packages/domain (mayTakeFamily, checkRegistrationConsents); eligibility is judged on the family
// page from the stored facts.
import { ConsentType, ReferrerType } from "@homestart/db";
import {
  type ConsentEvent,
  checkRegistrationConsents,
  compareDutch,
  type IsoDate,
  mayTakeFamily,
  withDuplicateKeys,
} from "@homestart/domain";
import { builder } from "../builder.ts";
import { invalidInput, Refusal } from "../errors.ts";
import { todayInNetherlands, toLicenceCoverage } from "../mappers.ts";
import { notFound, writeAudited } from "../mutations.ts";
import {
  codeList,
  LIMITS,
  optionalEmail,
  optionalPhone,
  optionalPostcode,
  optionalText,
  plausibleDate,
  requiredText,
  requireId,
} from "../validate.ts";
import { FamilyRef, familyLocationScope, HouseholdTypeEnum, RegistrationSourceEnum } from "./families.ts";
import { MunicipalityRef } from "./municipalities.ts";
import { refusable } from "./mutation-result.ts";

export const ConsentTypeEnum = builder.enumType(ConsentType, { name: "ConsentType" });
export const ReferrerTypeEnum = builder.enumType(ReferrerType, { name: "ReferrerType" });

const ParentInput = builder.inputType("ParentInput", {
  fields: (t) => ({
    firstName: t.string(),
    lastName: t.string(),
    phone: t.string({ required: false }),
    email: t.string({ required: false }),
  }),
});

const ChildInput = builder.inputType("ChildInput", {
  description: "A child with a birth date, or an unborn child with a due date.",
  fields: (t) => ({
    firstName: t.string({ required: false }),
    bornOn: t.field({ type: "Date", required: false }),
    expectedOn: t.field({ type: "Date", required: false, description: "Due date of an unborn child." }),
  }),
});

const ReferrerInput = builder.inputType("ReferrerInput", {
  fields: (t) => ({
    type: t.field({ type: ReferrerTypeEnum }),
    name: t.string(),
    organisation: t.string({ required: false }),
    email: t.string({ required: false }),
    phone: t.string({ required: false }),
  }),
});

const RegisterFamilyInput = builder.inputType("RegisterFamilyInput", {
  fields: (t) => ({
    locationId: t.id({ required: false, description: "Needed only when the coordinator works for more than one location." }),
    municipalityId: t.id(),
    source: t.field({ type: RegistrationSourceEnum }),
    referrer: t.field({ type: ReferrerInput, required: false, description: "Required when source is REFERRER." }),
    registeredOn: t.field({ type: "Date", required: false, description: "Today when left out." }),
    parents: t.field({ type: [ParentInput] }),
    children: t.field({ type: [ChildInput] }),
    postcode: t.string({ required: false }),
    address: t.string({ required: false }),
    householdType: t.field({ type: HouseholdTypeEnum, required: false }),
    languages: t.stringList({ required: false, description: "Languages spoken at home, ISO 639-1 codes (nl, en, pl, tr, ar, ti…)." }),
    consents: t.field({ type: [ConsentTypeEnum], description: "Consents the parents give now; CONTACT_BY_COORDINATOR is required." }),
    consentTextVersion: t.string({ required: false, description: "Version of the consent text the parents were shown." }),
    note: t.string({ required: false }),
  }),
});

type RegisterFamilyInputShape = typeof RegisterFamilyInput.$inferInput;

function validParents(parents: RegisterFamilyInputShape["parents"]) {
  if (parents.length < 1 || parents.length > 2) throw invalidInput("parents", "Vul één of twee ouders in.", "Enter one or two parents.");
  const valid = parents.map((p, i) => ({
    firstName: requiredText(`parents.${i}.firstName`, p.firstName, { max: LIMITS.name }),
    lastName: requiredText(`parents.${i}.lastName`, p.lastName, { max: LIMITS.name }),
    phone: optionalPhone(`parents.${i}.phone`, p.phone),
    email: optionalEmail(`parents.${i}.email`, p.email),
  }));
  if (!valid.some((p) => p.phone || p.email)) {
    throw invalidInput(
      "parents.0.phone",
      "Vul een telefoonnummer of e-mailadres in, zodat de coördinator contact kan opnemen.",
      "Enter a phone number or e-mail address, so the coordinator can get in touch.",
    );
  }
  return valid;
}

function validChildren(children: RegisterFamilyInputShape["children"], registeredOn: IsoDate) {
  if (children.length < 1 || children.length > 12) {
    throw invalidInput("children", "Vul ten minste één kind of verwacht kind in.", "Enter at least one child or expected child.");
  }
  return children.map((c, i) => {
    if ((c.bornOn ? 1 : 0) + (c.expectedOn ? 1 : 0) !== 1) {
      throw invalidInput(
        `children.${i}.bornOn`,
        "Vul een geboortedatum of (voor een verwacht kind) een uitgerekende datum in.",
        "Enter a date of birth or, for an expected child, a due date.",
      );
    }
    const bornOn = c.bornOn ? plausibleDate(`children.${i}.bornOn`, c.bornOn, { notInFuture: true }) : null;
    const expectedOn = c.expectedOn ? plausibleDate(`children.${i}.expectedOn`, c.expectedOn, { maxYearsAhead: 1 }) : null;
    if (bornOn && bornOn > registeredOn) {
      throw invalidInput(`children.${i}.bornOn`, "Geboren na de aanmelddatum?", "Born after the registration date?");
    }
    return { firstName: optionalText(`children.${i}.firstName`, c.firstName, { max: LIMITS.name }), bornOn, expectedOn };
  });
}

function validReferrer(input: RegisterFamilyInputShape) {
  if (input.source === "SELF") {
    if (input.referrer) throw invalidInput("referrer", "Een zelfaanmelding heeft geen verwijzer.", "A self-registration has no referrer.");
    return null;
  }
  const r = input.referrer;
  if (!r) throw invalidInput("referrer.name", "Vul de gegevens van de verwijzer in.", "Enter the referrer's details.");
  const referrer = {
    type: r.type,
    name: requiredText("referrer.name", r.name, { max: LIMITS.name }),
    organisation: optionalText("referrer.organisation", r.organisation, { max: LIMITS.short }),
    email: optionalEmail("referrer.email", r.email),
    phone: optionalPhone("referrer.phone", r.phone),
  };
  if (!referrer.email && !referrer.phone) {
    throw invalidInput(
      "referrer.email",
      "Vul een e-mailadres of telefoonnummer van de verwijzer in.",
      "Enter the referrer's e-mail or phone.",
    );
  }
  return referrer;
}

/** The location to register at: the given one, or the coordinator's only location. */
function registeringLocation(locationIds: string[], given: string | number | null | undefined): string {
  if (given !== null && given !== undefined) {
    const id = requireId("locationId", given, "Location");
    if (!locationIds.includes(id)) throw notFound({ nl: "Locatie niet gevonden.", en: "Location not found." }, "locationId");
    return id;
  }
  if (locationIds.length !== 1 || !locationIds[0]) {
    throw invalidInput("locationId", "Kies de locatie waar het gezin wordt aangemeld.", "Choose the location to register the family at.");
  }
  return locationIds[0];
}

builder.mutationField("registerFamily", (t) =>
  t.field({
    type: FamilyRef,
    authScopes: { coordinator: true },
    description:
      "Registers a family at the coordinator's location. Refused without the consent to be called back, or outside the location's licence.",
    args: { input: t.arg({ type: RegisterFamilyInput }) },
    errors: refusable("RegisterFamily", "family"),
    resolve: async (_root, { input }, ctx) => {
      const now = new Date();
      const nowIso = now.toISOString();
      const locationId = registeringLocation(familyLocationScope(ctx), input.locationId);
      const municipalityId = requireId("municipalityId", input.municipalityId, "Municipality");
      const registeredOn = input.registeredOn
        ? plausibleDate("registeredOn", input.registeredOn, { notInFuture: true })
        : todayInNetherlands(now);
      const parents = validParents(input.parents);
      const children = validChildren(input.children, registeredOn);
      const referrer = validReferrer(input);
      const consentTypes = [...new Set(input.consents)];
      const consentTextVersion = optionalText("consentTextVersion", input.consentTextVersion, { max: 50 });
      const consentEvents: ConsentEvent[] = consentTypes.map((type) => ({ type, action: "GRANTED", at: nowIso }));
      const consentCheck = checkRegistrationConsents(consentEvents, nowIso);
      if (!consentCheck.ok) throw Refusal.fromReasons(consentCheck.reasons, "consents");
      const details = {
        postcode: optionalPostcode("postcode", input.postcode),
        address: optionalText("address", input.address, { max: LIMITS.short }),
        householdType: input.householdType ?? null,
        languages: codeList("languages", input.languages ?? []),
        note: optionalText("note", input.note, { max: LIMITS.note, multiline: true }),
      };

      const family = await writeAudited(ctx, async (tx) => {
        const municipality = await tx.municipality.findUnique({ where: { id: municipalityId }, select: { code: true } });
        if (!municipality) throw notFound({ nl: "Gemeente niet gevonden.", en: "Municipality not found." }, "municipalityId");
        const licences = await tx.licence.findMany({
          where: { locationId },
          include: { municipalities: { include: { municipality: { select: { code: true } } } } },
        });
        const mayTake = mayTakeFamily(licences.map(toLicenceCoverage), {
          locationId,
          municipalityCode: municipality.code,
          on: registeredOn,
        });
        if (!mayTake.ok) throw Refusal.fromReasons(mayTake.reasons, "municipalityId");

        const created = await tx.family.create({
          data: {
            locationId,
            municipalityId,
            registeredOn: new Date(`${registeredOn}T00:00:00Z`),
            source: input.source,
            ...details,
            riskFactors: [],
            parents: { create: parents.map(withDuplicateKeys) },
            children: {
              create: children.map((c) => ({
                firstName: c.firstName,
                bornOn: c.bornOn ? new Date(`${c.bornOn}T00:00:00Z`) : null,
                expectedOn: c.expectedOn ? new Date(`${c.expectedOn}T00:00:00Z`) : null,
              })),
            },
            consents: {
              create: consentTypes.map((type) => ({
                type,
                action: "GRANTED",
                at: now,
                recordedById: ctx.viewer?.id,
                textVersion: consentTextVersion,
              })),
            },
            ...(referrer
              ? {
                  referral: {
                    create: { referredOn: new Date(`${registeredOn}T00:00:00Z`), referrer: { create: referrer } },
                  },
                }
              : {}),
          },
        });
        return {
          result: created,
          audit: {
            action: "family.register",
            entityType: "Family",
            entityId: created.id,
            detail: { source: input.source, consents: consentTypes },
          },
        };
      });
      return family;
    },
  }),
);

builder.prismaObjectField("Location", "registrationMunicipalities", (t) =>
  t.field({
    type: [MunicipalityRef],
    authScopes: (location, _args, ctx) => familyLocationScope(ctx).includes(location.id),
    description:
      "The municipalities a family can be registered from at this location today: those its active licences cover (domain mayTakeFamily). Coordinators of the location only.",
    select: { id: true },
    resolve: async (location, _args, ctx) => {
      const today = todayInNetherlands();
      const licences = await ctx.prisma.licence.findMany({
        where: { locationId: location.id },
        include: { municipalities: { include: { municipality: true } } },
      });
      const coverage = licences.map(toLicenceCoverage);
      const municipalities = new Map(licences.flatMap((l) => l.municipalities.map((m) => [m.municipality.code, m.municipality] as const)));
      return [...municipalities.values()]
        .filter((m) => mayTakeFamily(coverage, { locationId: location.id, municipalityCode: m.code, on: today }).ok)
        .sort((a, b) => compareDutch(a.name, b.name));
    },
  }),
);
