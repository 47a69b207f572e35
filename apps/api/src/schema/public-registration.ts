// Public registration (apps/register): the only query and the only mutation anyone may use
// without logging in. The query says whether Home-Start is offered in a municipality today and
// for which ages; the mutation stores a registration at the location serving the municipality.
// Rules come from packages/domain (registrationOffer, checkPublicRegistrationConsents,
// possibleDuplicates); nothing here depends on whether a family already exists, so the answers
// cannot be used to find out who registered. The duplicate warning is for the coordinator only.
import { createHash } from "node:crypto";
import {
  CALL_BACK_WORKING_DAYS,
  CONSENT_TEXT_VERSION,
  checkPublicRegistrationConsents,
  consentText,
  type FamilyFingerprint,
  familyDuplicateKeys,
  type IsoDate,
  NATIONAL_OFFICE_CONTACT,
  PUBLIC_CONSENTS,
  type PublicConsent,
  possibleDuplicates,
  REGISTRATION_LANGUAGES,
  REQUIRED_PUBLIC_CONSENTS,
  type Reason,
  type RegistrationLanguage,
  type RegistrationOffer,
  registrationConfirmationEmail,
  registrationOffer,
  withDuplicateKeys,
} from "@homestart/domain";
import { encodeGlobalID } from "@pothos/plugin-relay";
import { isLocked, recordFailure } from "../auth/throttle.ts";
import { builder } from "../builder.ts";
import type { Context } from "../context.ts";
import { invalidInput, Refusal } from "../errors.ts";
import { isoDate, toAgePolicy, todayInNetherlands } from "../mappers.ts";
import { notFound, writeAudited } from "../mutations.ts";
import { mailerFromEnv } from "../notifications/mailer.ts";
import { LIMITS, optionalEmail, optionalPhone, optionalText, plausibleDate, requiredText, requireId } from "../validate.ts";
import { CHILD_ORDER, computeWithFamily, FamilyRef, PARENT_ORDER, RegistrationSourceEnum } from "./families.ts";
import { ConsentTypeEnum, ReferrerTypeEnum } from "./family-registration.ts";
import { refusable } from "./mutation-result.ts";

const LANGUAGE_VALUES = Object.fromEntries(REGISTRATION_LANGUAGES.map((l) => [l.toUpperCase(), { value: l }])) as Record<
  Uppercase<RegistrationLanguage>,
  { value: RegistrationLanguage }
>;
export const RegistrationLanguageEnum = builder.enumType("RegistrationLanguage", {
  description: "The six languages of the Home-Start folder (seed 004): nl, en, pl, tr, ar (right to left), ti (Ge'ez script).",
  values: LANGUAGE_VALUES,
});

/** At most this many municipalities per search; the page asks the user to type more. */
const MAX_MATCHES = 8;
/** Children (born or expected) one registration may list. */
const MAX_CHILDREN = 12;

// ---------------------------------------------------------------------------
// The public query
// ---------------------------------------------------------------------------

interface MunicipalityOfferShape {
  id: string;
  name: string;
  province: string;
  offer: RegistrationOffer;
}

const MunicipalityOfferRef = builder.objectRef<MunicipalityOfferShape>("MunicipalityOffer").implement({
  description: "Whether Home-Start is offered in a municipality today, and for which ages. Public.",
  fields: (t) => ({
    id: t.id({ resolve: (m) => encodeGlobalID("Municipality", m.id) }),
    name: t.exposeString("name"),
    province: t.exposeString("province"),
    offered: t.boolean({ resolve: (m) => m.offer.offered }),
    maxAgeInclusive: t.int({
      nullable: true,
      description: "Children up to and including this age (6, 14 or 17).",
      resolve: (m) => (m.offer.offered ? m.offer.maxAgeInclusive : null),
    }),
    pregnancyWeeksFrom: t.int({
      nullable: true,
      description: "From this week of pregnancy.",
      resolve: (m) => (m.offer.offered ? m.offer.pregnancyWeeksFrom : null),
    }),
  }),
});

interface ConsentTextShape {
  type: PublicConsent;
  title: string;
  text: string;
  explanation: string;
}

const RegistrationConsentTextRef = builder.objectRef<ConsentTextShape>("RegistrationConsentText").implement({
  description: "A consent the public form asks, in the chosen language; the statement is stored with the consent.",
  fields: (t) => ({
    type: t.field({ type: ConsentTypeEnum, resolve: (c) => c.type }),
    required: t.boolean({ resolve: (c) => REQUIRED_PUBLIC_CONSENTS.includes(c.type) }),
    referrerOnly: t.boolean({
      description: "Asked only when a referrer registers the family.",
      resolve: (c) => c.type === "NOTIFY_REFERRER_START_END",
    }),
    title: t.exposeString("title"),
    text: t.exposeString("text"),
    explanation: t.exposeString("explanation"),
  }),
});

const NationalOfficeRef = builder.objectRef<typeof NATIONAL_OFFICE_CONTACT>("NationalOfficeContact").implement({
  description: "The national office (Landelijk Steunpunt), for places where Home-Start is not offered.",
  fields: (t) => ({
    name: t.exposeString("name"),
    postalAddress: t.exposeString("postalAddress"),
    phone: t.exposeString("phone"),
    email: t.exposeString("email"),
    website: t.exposeString("website"),
  }),
});

interface OfferAnswer {
  municipalities: MunicipalityOfferShape[];
  language: RegistrationLanguage;
}

const RegistrationOfferRef = builder.objectRef<OfferAnswer>("RegistrationOffer").implement({
  description: "What the public registration page needs: matching municipalities with their offer, the consents, the national office.",
  fields: (t) => ({
    municipalities: t.field({ type: [MunicipalityOfferRef], resolve: (a) => a.municipalities }),
    postcodeSearchAvailable: t.boolean({
      description: "False: there is no postcode → municipality data set yet; search by municipality name.",
      resolve: () => false,
    }),
    callBackWorkingDays: t.int({ resolve: () => CALL_BACK_WORKING_DAYS }),
    consentTextVersion: t.string({ resolve: () => CONSENT_TEXT_VERSION }),
    consents: t.field({
      type: [RegistrationConsentTextRef],
      resolve: (a) => PUBLIC_CONSENTS.map((type) => ({ type, ...consentText(a.language, type, CALL_BACK_WORKING_DAYS) })),
    }),
    nationalOffice: t.field({ type: NationalOfficeRef, resolve: () => NATIONAL_OFFICE_CONTACT }),
  }),
});

async function municipalityOffers(ctx: Context, where: object, today: IsoDate): Promise<MunicipalityOfferShape[]> {
  const rows = await ctx.prisma.municipality.findMany({
    where,
    take: MAX_MATCHES,
    orderBy: [{ name: "asc" }, { id: "asc" }],
    select: {
      id: true,
      code: true,
      name: true,
      province: true,
      agePolicies: true,
      licences: { select: { licence: { select: { id: true, locationId: true, status: true, validFrom: true, validUntil: true } } } },
    },
  });
  return rows.map((m) => ({
    id: m.id,
    name: m.name,
    province: m.province,
    offer: registrationOffer({
      municipalityCode: m.code,
      policies: m.agePolicies.map((p) => toAgePolicy(p, m.code)),
      licences: m.licences.map(({ licence: l }) => ({
        id: l.id,
        locationId: l.locationId,
        status: l.status,
        validFrom: l.validFrom ? isoDate(l.validFrom) : null,
        validUntil: l.validUntil ? isoDate(l.validUntil) : null,
        municipalityCodes: [m.code],
      })),
      on: today,
    }),
  }));
}

builder.queryField("registrationOffer", (t) =>
  t.field({
    type: RegistrationOfferRef,
    // Public: the registration page has no login. Only reference data and the programme's offer.
    skipTypeScopes: true,
    description:
      "Public. Municipalities whose name matches `search` (or the one `municipalityId`), each with whether Home-Start is offered there today and for which ages; the consent texts in `language`.",
    args: {
      search: t.arg.string({ required: false, description: "Part of a municipality's name (2–100 characters)." }),
      municipalityId: t.arg.id({ required: false }),
      language: t.arg({ type: RegistrationLanguageEnum }),
    },
    resolve: async (_root, args, ctx) => {
      const today = todayInNetherlands();
      const answer = (municipalities: MunicipalityOfferShape[]) => ({ municipalities, language: args.language });
      if (args.municipalityId !== null && args.municipalityId !== undefined) {
        const id = requireIdOrNull(args.municipalityId);
        return answer(id ? await municipalityOffers(ctx, { id }, today) : []);
      }
      const search = args.search?.trim().slice(0, 100) ?? "";
      if (search.length < 2) return answer([]);
      return answer(await municipalityOffers(ctx, { name: { contains: search, mode: "insensitive" } }, today));
    },
  }),
);

function requireIdOrNull(globalId: string | number): string | null {
  try {
    return requireId("municipalityId", globalId, "Municipality");
  } catch {
    return null;
  }
}

// ---------------------------------------------------------------------------
// The public mutation
// ---------------------------------------------------------------------------

const PublicParentInput = builder.inputType("PublicParentInput", {
  fields: (t) => ({
    firstName: t.string(),
    lastName: t.string(),
    phone: t.string({ required: false }),
    email: t.string({ required: false }),
  }),
});

const PublicChildInput = builder.inputType("PublicChildInput", {
  description: "A child's date of birth, or an expected child's due date.",
  fields: (t) => ({
    bornOn: t.field({ type: "Date", required: false }),
    expectedOn: t.field({ type: "Date", required: false }),
  }),
});

const PublicReferrerInput = builder.inputType("PublicReferrerInput", {
  fields: (t) => ({
    type: t.field({ type: ReferrerTypeEnum }),
    name: t.string(),
    organisation: t.string({ required: false }),
    phone: t.string({ required: false }),
    email: t.string({ required: false }),
    parentsAgreedToBeCalled: t.boolean({
      description: "The referrer confirms the parents agreed to be called by the coordinator (seed 004, step 3).",
    }),
  }),
});

const SubmitRegistrationInput = builder.inputType("SubmitRegistrationInput", {
  fields: (t) => ({
    municipalityId: t.id(),
    language: t.field({ type: RegistrationLanguageEnum }),
    registeredBy: t.field({ type: RegistrationSourceEnum, description: "SELF: a parent; REFERRER: a professional." }),
    parent: t.field({ type: PublicParentInput }),
    children: t.field({ type: [PublicChildInput] }),
    supportWish: t.string({ required: false, description: "A few words on what the family would like support with." }),
    consents: t.field({ type: [ConsentTypeEnum] }),
    consentTextVersion: t.string({ description: "The version of the consent texts shown (registrationOffer.consentTextVersion)." }),
    referrer: t.field({ type: PublicReferrerInput, required: false, description: "Required when registeredBy is REFERRER." }),
    website: t.string({ required: false, description: "Leave empty." }),
  }),
});

type SubmitInput = typeof SubmitRegistrationInput.$inferInput;

interface Receipt {
  callBackWorkingDays: number;
  confirmationEmail: boolean;
}

const RegistrationReceiptRef = builder.objectRef<Receipt>("RegistrationReceipt").implement({
  description: "The registration was received. The same answer whoever registered, and whether or not the family was known.",
  fields: (t) => ({
    callBackWorkingDays: t.exposeInt("callBackWorkingDays", { description: "The coordinator calls within this many working days." }),
    confirmationEmail: t.exposeBoolean("confirmationEmail", { description: "A confirmation goes to the e-mail address given." }),
  }),
});

// Per client address (hashed: the address itself is personal data), sharing the login throttle's
// table and window: 20 submissions per 15 minutes, then 15 minutes locked (auth/throttle.ts).
const throttleKeyFor = (address: string) => `registration:${createHash("sha256").update(address).digest("hex").slice(0, 32)}`;

const TOO_MANY = new Refusal(
  "TOO_MANY_ATTEMPTS",
  "Er zijn te veel aanmeldingen verstuurd vanaf dit adres. Probeer het over een kwartier opnieuw.",
  "Too many registrations were sent from this address. Please try again in fifteen minutes.",
);

const NOT_OFFERED = (reasons: Reason[]) =>
  new Refusal(
    "NOT_OFFERED",
    "Home-Start wordt in deze gemeente nu niet aangeboden. Er is niets opgeslagen.",
    "Home-Start is not offered in this municipality at the moment. Nothing was stored.",
    reasons,
    "municipalityId",
  );

function validParent(p: SubmitInput["parent"]) {
  const parent = {
    firstName: requiredText("parent.firstName", p.firstName, { max: LIMITS.name }),
    lastName: requiredText("parent.lastName", p.lastName, { max: LIMITS.name }),
    phone: optionalPhone("parent.phone", p.phone),
    email: optionalEmail("parent.email", p.email),
  };
  if (!parent.phone && !parent.email) {
    throw invalidInput(
      "parent.phone",
      "Vul een telefoonnummer of e-mailadres in, zodat de coördinator contact kan opnemen.",
      "Enter a phone number or e-mail address, so the coordinator can get in touch.",
    );
  }
  return parent;
}

function validChildren(children: SubmitInput["children"]) {
  if (children.length < 1 || children.length > MAX_CHILDREN) {
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
    return {
      bornOn: c.bornOn ? plausibleDate(`children.${i}.bornOn`, c.bornOn, { notInFuture: true }) : null,
      expectedOn: c.expectedOn ? plausibleDate(`children.${i}.expectedOn`, c.expectedOn, { maxYearsAhead: 1 }) : null,
    };
  });
}

function validReferrer(input: SubmitInput) {
  if (input.registeredBy === "SELF") {
    if (input.referrer)
      throw invalidInput("referrer", "Een ouder die zich aanmeldt heeft geen verwijzer.", "A parent registering has no referrer.");
    return null;
  }
  const r = input.referrer;
  if (!r) throw invalidInput("referrer.name", "Vul uw gegevens als verwijzer in.", "Enter your details as the referrer.");
  const referrer = {
    type: r.type,
    name: requiredText("referrer.name", r.name, { max: LIMITS.name }),
    organisation: optionalText("referrer.organisation", r.organisation, { max: LIMITS.short }),
    phone: optionalPhone("referrer.phone", r.phone),
    email: optionalEmail("referrer.email", r.email),
  };
  if (!referrer.phone && !referrer.email) {
    throw invalidInput("referrer.phone", "Vul uw telefoonnummer of e-mailadres in.", "Enter your phone number or e-mail address.");
  }
  return { referrer, parentsAgreedToBeCalled: r.parentsAgreedToBeCalled };
}

/** Sends a confirmation kept in the outbox, when SMTP is configured; otherwise it stays there. Never throws. */
async function sendConfirmationSoon(ctx: Context, outboxId: string): Promise<void> {
  const mailer = mailerFromEnv();
  if (!mailer) return;
  try {
    const mail = await ctx.prisma.outboxEmail.findUniqueOrThrow({ where: { id: outboxId } });
    await mailer.send({ to: mail.to, subject: mail.subject, text: mail.body });
    await ctx.prisma.outboxEmail.update({ where: { id: outboxId }, data: { sentAt: new Date() } });
  } catch {
    // Stays unsent in the outbox; logged by id only (no address).
    console.log(`[registration] confirmation ${outboxId} not sent; kept in the outbox`);
  } finally {
    mailer.close?.();
  }
}

builder.mutationField("submitRegistration", (t) =>
  t.field({
    type: RegistrationReceiptRef,
    // Public: parents and referrers have no account. Rate-limited per address, with a honeypot.
    skipTypeScopes: true,
    description:
      "Public. Registers a family online, by a parent or a referrer, at the location serving the municipality (status REGISTERED, channel ONLINE). Nothing is stored without the consents, or where Home-Start is not offered.",
    args: { input: t.arg({ type: SubmitRegistrationInput }) },
    errors: refusable("SubmitRegistration", "registration"),
    resolve: async (_root, { input }, ctx) => {
      const key = throttleKeyFor(ctx.clientAddress);
      if (await isLocked(ctx.prisma, [key])) throw TOO_MANY;
      await recordFailure(ctx.prisma, "address", key);

      const confirmationEmail = Boolean(input.parent.email?.trim());
      // A filled honeypot is a robot: it gets the usual answer, and nothing is stored.
      if (input.website && input.website.trim() !== "") return { callBackWorkingDays: CALL_BACK_WORKING_DAYS, confirmationEmail };

      const municipalityId = requireId("municipalityId", input.municipalityId, "Municipality");
      const language = input.language;
      const parent = validParent(input.parent);
      const children = validChildren(input.children);
      const referral = validReferrer(input);
      const supportWish = optionalText("supportWish", input.supportWish, { max: 1000, multiline: true });
      const version = requiredText("consentTextVersion", input.consentTextVersion, { max: 50 });
      if (version !== CONSENT_TEXT_VERSION) {
        throw new Refusal(
          "CONSENT_TEXT_CHANGED",
          "De toestemmingsteksten zijn intussen gewijzigd. Laad de pagina opnieuw en lees ze nog eens.",
          "The consent texts have changed in the meantime. Reload the page and read them again.",
          [],
          "consentTextVersion",
        );
      }
      const consentCheck = checkPublicRegistrationConsents({
        source: input.registeredBy,
        consents: input.consents,
        parentsAgreedToBeCalled: referral?.parentsAgreedToBeCalled ?? false,
      });
      if (!consentCheck.ok) {
        const onlyAgreement = consentCheck.reasons.every((r) => r.code === "PARENTS_AGREEMENT_NOT_CONFIRMED");
        throw Refusal.fromReasons(consentCheck.reasons, onlyAgreement ? "referrer.parentsAgreedToBeCalled" : "consents");
      }

      const now = new Date();
      const today = todayInNetherlands(now);
      const [municipality] = await municipalityOffers(ctx, { id: municipalityId }, today);
      if (!municipality) throw notFound({ nl: "Gemeente niet gevonden.", en: "Municipality not found." }, "municipalityId");
      if (!municipality.offer.offered) throw NOT_OFFERED(municipality.offer.reasons);
      const { locationId } = municipality.offer;
      const mail = registrationConfirmationEmail(language, CALL_BACK_WORKING_DAYS);
      const day = new Date(`${today}T00:00:00Z`);

      // Written without a user: the audit entry's userId is null, whoever's browser sent it.
      const outboxId = await writeAudited({ ...ctx, viewer: null }, async (tx) => {
        const family = await tx.family.create({
          data: {
            locationId,
            municipalityId,
            registeredOn: day,
            source: input.registeredBy,
            channel: "ONLINE",
            status: "REGISTERED",
            preferredLanguage: language,
            languages: [language],
            riskFactors: [],
            parents: { create: [withDuplicateKeys(parent)] },
            children: {
              create: children.map((c) => ({
                bornOn: c.bornOn ? new Date(`${c.bornOn}T00:00:00Z`) : null,
                expectedOn: c.expectedOn ? new Date(`${c.expectedOn}T00:00:00Z`) : null,
              })),
            },
            ...(supportWish ? { supportQuestions: { create: [{ question: supportWish }] } } : {}),
            consents: {
              create: consentCheck.value.map((type) => ({
                type,
                action: "GRANTED" as const,
                at: now,
                text: consentText(language, type, CALL_BACK_WORKING_DAYS).text,
                textVersion: `${CONSENT_TEXT_VERSION}/${language}`,
                note: input.registeredBy === "REFERRER" ? "Doorgegeven door de verwijzer (online aanmelding)." : "Online aanmelding.",
              })),
            },
            ...(referral ? { referral: { create: { referredOn: day, referrer: { create: referral.referrer } } } } : {}),
          },
          select: { id: true },
        });
        const outbox = parent.email
          ? await tx.outboxEmail.create({
              data: { to: parent.email, subject: mail.subject, body: mail.body, relatedId: family.id },
              select: { id: true },
            })
          : null;
        return {
          result: outbox?.id ?? null,
          audit: {
            action: "registration.submit",
            entityType: "Family",
            entityId: family.id,
            detail: {
              channel: "ONLINE",
              source: input.registeredBy,
              language,
              consents: consentCheck.value,
            },
          },
        };
      });
      if (outboxId) void sendConfirmationSoon(ctx, outboxId);
      return { callBackWorkingDays: CALL_BACK_WORKING_DAYS, confirmationEmail };
    },
  }),
);

// ---------------------------------------------------------------------------
// The coordinator's duplicate warning (Family is coordinator-scoped; channel and
// preferredLanguage are exposed in families.ts)
// ---------------------------------------------------------------------------

interface DuplicateShape {
  family: { id: string };
  matches: string[];
}

const DuplicateMatchEnum = builder.enumType("DuplicateMatch", {
  values: {
    PHONE: { description: "The same phone number." },
    EMAIL: { description: "The same e-mail address." },
    NAME_AND_BIRTH_DATE: { description: "The same parent name and a child's birth date." },
  } as const,
});

const PossibleDuplicateRef = builder.objectRef<DuplicateShape>("PossibleDuplicate").implement({
  description: "Another family of the same location that looks like the same family.",
  fields: (t) => ({
    familyId: t.id({ resolve: (d) => encodeGlobalID("Family", d.family.id) }),
    matches: t.field({ type: [DuplicateMatchEnum], resolve: (d) => d.matches as Array<"PHONE" | "EMAIL" | "NAME_AND_BIRTH_DATE"> }),
  }),
});

const fingerprintSelect = {
  id: true,
  // The relations' own orders, so the family page loads its parents and children once (families.ts).
  parents: { select: { firstName: true, lastName: true, phone: true, email: true }, orderBy: PARENT_ORDER },
  children: { select: { bornOn: true }, orderBy: CHILD_ORDER },
} as const;

type FingerprintRow = {
  id: string;
  parents: FamilyFingerprint["parents"];
  children: Array<{ bornOn: Date | null }>;
};

const toFingerprint = (f: FingerprintRow): FamilyFingerprint => ({
  id: f.id,
  parents: f.parents,
  childBirthDates: f.children.flatMap((c) => (c.bornOn ? [isoDate(c.bornOn)] : [])),
});

/**
 * The candidates (below) computed by the family's own statement when the `family` query reads it
 * (families.ts computeWithFamily): the family page then costs one statement fewer. Keyed by the
 * family's stored keys, which are packages/domain's parentDuplicateKeys of its parents, as every
 * write of a parent stores them; null when a parent of the family is not keyed yet (then the
 * resolver computes its keys and asks loadDuplicateCandidates). UNION: a family sharing two keys
 * is one candidate.
 */
const prefetchedCandidates = computeWithFamily<FamilyFingerprint[]>(
  "possibleDuplicates",
  (row) => `CASE WHEN EXISTS (SELECT 1 FROM "Parent" u WHERE u."familyId" = ${row}."id" AND u."nameKey" IS NULL) THEN NULL ELSE (
    SELECT coalesce(json_agg(json_build_object('id', c."id",
        'parents', (SELECT coalesce(json_agg(json_build_object('firstName', p."firstName", 'lastName', p."lastName", 'phone', p."phone",
            'email', p."email") ORDER BY p."id"), '[]'::json) FROM "Parent" p WHERE p."familyId" = c."id"),
        'childBirthDates', (SELECT coalesce(json_agg(to_char(ch."bornOn", 'YYYY-MM-DD') ORDER BY ch."bornOn"), '[]'::json)
            FROM "Child" ch WHERE ch."familyId" = c."id" AND ch."bornOn" IS NOT NULL)) ORDER BY c."id"), '[]'::json)
      FROM (SELECT other."familyId" AS "id" FROM "Parent" own JOIN "Parent" other
              ON other."phoneKey" = own."phoneKey" OR other."emailKey" = own."emailKey" OR other."nameKey" = own."nameKey"
             WHERE own."familyId" = ${row}."id"
            UNION
            SELECT other."familyId" FROM "Parent" other WHERE other."nameKey" IS NULL) k
      JOIN "Family" c ON c."id" = k."id" AND c."locationId" = ${row}."locationId" AND c."id" <> ${row}."id" AND c."anonymisedAt" IS NULL
  ) END`,
);

builder.prismaObjectFields(FamilyRef, (t) => ({
  possibleDuplicates: t.field({
    type: [PossibleDuplicateRef],
    description: "Other families of this location with the same phone, e-mail, or parent name and a child's birth date.",
    select: { locationId: true, ...fingerprintSelect },
    resolve: async (family, _args, ctx) => {
      const fingerprint = toFingerprint(family);
      const candidates = prefetchedCandidates(family) ?? (await loadDuplicateCandidates(ctx, family.locationId, fingerprint));
      return possibleDuplicates(fingerprint, candidates).map((d) => ({ family: { id: d.familyId }, matches: d.matches }));
    },
  }),
}));

/**
 * The location's other families that share a phone, e-mail or name key with this one (or have a
 * parent not keyed yet), with their parents and children's birth dates as flat rows, in one
 * statement straight to the driver: for a family not read by the `family` query (a mutation's
 * answer), or with a parent not keyed yet. The stored keys (Parent.phoneKey, emailKey, nameKey) are
 * packages/domain's parentDuplicateKeys, so the index narrows the location to a handful of
 * families and possibleDuplicates still decides on them (its test proves the narrowing changes
 * no answer). Comparing every family of the location cost the family page 19 ms of PostgreSQL
 * and grew with the location (issue 7).
 */
async function loadDuplicateCandidates(ctx: Context, locationId: string, family: FamilyFingerprint): Promise<FamilyFingerprint[]> {
  const keys = familyDuplicateKeys(family);
  const rows = await ctx.db.query<{
    familyId: string;
    firstName: string | null;
    lastName: string | null;
    phone: string | null;
    email: string | null;
    bornOn: IsoDate | null;
  }>(
    `WITH candidate AS (
       SELECT DISTINCT p."familyId" AS "id"
         FROM "Parent" p JOIN "Family" f ON f."id" = p."familyId"
        WHERE f."locationId" = $1 AND f."id" <> $2 AND f."anonymisedAt" IS NULL
          AND (p."phoneKey" = ANY($3::text[]) OR p."emailKey" = ANY($4::text[]) OR p."nameKey" = ANY($5::text[]) OR p."nameKey" IS NULL)
     )
     SELECT p."familyId", p."firstName", p."lastName", p."phone", p."email", NULL AS "bornOn"
       FROM "Parent" p JOIN candidate ON candidate."id" = p."familyId"
     UNION ALL
     SELECT c."familyId", NULL, NULL, NULL, NULL, to_char(c."bornOn", 'YYYY-MM-DD')
       FROM "Child" c JOIN candidate ON candidate."id" = c."familyId"
      WHERE c."bornOn" IS NOT NULL`,
    [locationId, family.id, keys.phoneKeys, keys.emailKeys, keys.nameKeys],
  );
  const byFamily = new Map<string, { id: string; parents: Array<FamilyFingerprint["parents"][number]>; childBirthDates: IsoDate[] }>();
  for (const row of rows) {
    let other = byFamily.get(row.familyId);
    if (!other) {
      other = { id: row.familyId, parents: [], childBirthDates: [] };
      byFamily.set(row.familyId, other);
    }
    if (row.bornOn !== null) other.childBirthDates.push(row.bornOn);
    else other.parents.push({ firstName: row.firstName ?? "", lastName: row.lastName ?? "", phone: row.phone, email: row.email });
  }
  return [...byFamily.values()];
}
