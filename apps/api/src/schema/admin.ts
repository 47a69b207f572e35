// User administration (admins only): users, roles and scopes. A coordinator is scoped to
// location(s), a municipal officer to municipality(ies), national staff and admins to neither.
// Password hashes never leave the server; deactivating a user or resetting a password ends
// their sessions.
import type { Role } from "@homestart/db";
import { compareDutch } from "@homestart/domain";
import { hashPassword } from "../auth/password.ts";
import { builder } from "../builder.ts";
import type { Context } from "../context.ts";
import { invalidInput, Refusal } from "../errors.ts";
import { expectUpdated, notFound, type Tx, writeAudited } from "../mutations.ts";
import { LIMITS, optionalEmail, requiredText, requireId } from "../validate.ts";
import { LocationRef } from "./locations.ts";
import { MunicipalityRef } from "./municipalities.ts";
import { refusable } from "./mutation-result.ts";
import { RoleEnum } from "./viewer.ts";

const ADMIN = { admin: true } as const;
const LOCALES = ["nl", "en"];
const PASSWORD_MIN = 12;

export const UserRef = builder.prismaNode("User", {
  id: { field: "id" },
  authScopes: ADMIN,
  description: "A user account. The password hash is never exposed.",
  fields: (t) => ({
    email: t.exposeString("email"),
    name: t.exposeString("name"),
    role: t.expose("role", { type: RoleEnum }),
    active: t.exposeBoolean("active"),
    locale: t.exposeString("locale"),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    lastLoginAt: t.expose("lastLoginAt", { type: "DateTime", nullable: true }),
    locations: t.field({
      type: [LocationRef],
      description: "A coordinator's locations.",
      select: { locationScopes: { select: { location: true } } },
      resolve: (u) => u.locationScopes.map((s) => s.location).sort((a, b) => compareDutch(a.name, b.name)),
    }),
    municipalities: t.field({
      type: [MunicipalityRef],
      description: "A municipal officer's municipalities.",
      select: { municipalityScopes: { select: { municipality: true } } },
      resolve: (u) => u.municipalityScopes.map((s) => s.municipality).sort((a, b) => compareDutch(a.name, b.name)),
    }),
  }),
});

builder.queryField("users", (t) =>
  t.prismaConnection({
    type: UserRef,
    cursor: "id",
    authScopes: ADMIN,
    description: "Users by name; `search` matches name or e-mail.",
    args: {
      role: t.arg({ type: RoleEnum, required: false }),
      active: t.arg.boolean({ required: false }),
      search: t.arg.string({ required: false }),
    },
    resolve: (query, _root, args, ctx) => {
      const search = args.search?.trim().slice(0, 100);
      return ctx.prisma.user.findMany({
        ...query,
        where: {
          ...(args.role ? { role: args.role } : {}),
          ...(typeof args.active === "boolean" ? { active: args.active } : {}),
          ...(search
            ? { OR: [{ name: { contains: search, mode: "insensitive" } }, { email: { contains: search, mode: "insensitive" } }] }
            : {}),
        },
        orderBy: [{ name: "asc" }, { id: "asc" }],
      });
    },
  }),
);

function validPassword(field: string, password: string): string {
  if (password.length < PASSWORD_MIN || password.length > 1024) {
    throw invalidInput(
      field,
      `Een wachtwoord heeft minstens ${PASSWORD_MIN} tekens.`,
      `A password has at least ${PASSWORD_MIN} characters.`,
    );
  }
  return password;
}

function validLocale(value: string | null | undefined): string | undefined {
  if (value === null || value === undefined) return undefined;
  if (!LOCALES.includes(value)) throw invalidInput("locale", "Kies nl of en.", "Choose nl or en.");
  return value;
}

/** Scopes must fit the role: locations for coordinators, municipalities for officers, none otherwise. */
async function validScopes(tx: Tx, role: Role, locationIds: string[], municipalityIds: string[]) {
  if (role === "COORDINATOR" ? locationIds.length === 0 : locationIds.length > 0) {
    throw invalidInput(
      "locationIds",
      role === "COORDINATOR" ? "Een coördinator werkt voor ten minste één locatie." : "Alleen coördinatoren hebben locaties.",
      role === "COORDINATOR" ? "A coordinator works for at least one location." : "Only coordinators have locations.",
    );
  }
  if (role === "MUNICIPAL_OFFICER" ? municipalityIds.length === 0 : municipalityIds.length > 0) {
    throw invalidInput(
      "municipalityIds",
      role === "MUNICIPAL_OFFICER"
        ? "Een gemeenteambtenaar hoort bij ten minste één gemeente."
        : "Alleen gemeenteambtenaren hebben gemeenten.",
      role === "MUNICIPAL_OFFICER"
        ? "A municipal officer belongs to at least one municipality."
        : "Only municipal officers have municipalities.",
    );
  }
  if ((await tx.location.count({ where: { id: { in: locationIds } } })) !== locationIds.length) throw notFound(undefined, "locationIds");
  if ((await tx.municipality.count({ where: { id: { in: municipalityIds } } })) !== municipalityIds.length) {
    throw notFound(undefined, "municipalityIds");
  }
}

function scopeIds(field: string, ids: ReadonlyArray<string | number> | null | undefined, typename: string): string[] | undefined {
  if (ids === null || ids === undefined) return undefined;
  if (ids.length > LIMITS.listItems) throw invalidInput(field, "Te veel waarden.", "Too many values.");
  return [...new Set(ids.map((g, i) => requireId(`${field}.${i}`, g, typename)))];
}

const CreateUserInput = builder.inputType("CreateUserInput", {
  fields: (t) => ({
    email: t.string(),
    name: t.string(),
    role: t.field({ type: RoleEnum }),
    password: t.string({ description: `Initial password, at least ${PASSWORD_MIN} characters.` }),
    locale: t.string({ required: false, description: "nl (default) or en." }),
    locationIds: t.idList({ required: false, description: "Coordinators only." }),
    municipalityIds: t.idList({ required: false, description: "Municipal officers only." }),
  }),
});

builder.mutationField("createUser", (t) =>
  t.field({
    type: UserRef,
    authScopes: ADMIN,
    args: { input: t.arg({ type: CreateUserInput }) },
    errors: refusable("CreateUser", "user"),
    resolve: async (_root, { input }, ctx) => {
      const email = optionalEmail("email", input.email);
      if (!email) throw invalidInput("email", "Vul een e-mailadres in.", "Enter an e-mail address.");
      const name = requiredText("name", input.name, { max: LIMITS.name });
      const password = validPassword("password", input.password);
      const locale = validLocale(input.locale) ?? "nl";
      const locationIds = scopeIds("locationIds", input.locationIds, "Location") ?? [];
      const municipalityIds = scopeIds("municipalityIds", input.municipalityIds, "Municipality") ?? [];
      const passwordHash = await hashPassword(password);
      return writeAudited(ctx, async (tx) => {
        await validScopes(tx, input.role, locationIds, municipalityIds);
        if (await tx.user.findUnique({ where: { email }, select: { id: true } })) {
          throw new Refusal(
            "EMAIL_IN_USE",
            "Dit e-mailadres heeft al een account.",
            "This e-mail address already has an account.",
            [],
            "email",
          );
        }
        const created = await tx.user.create({
          data: {
            email,
            name,
            role: input.role,
            locale,
            passwordHash,
            locationScopes: { create: locationIds.map((locationId) => ({ locationId })) },
            municipalityScopes: { create: municipalityIds.map((municipalityId) => ({ municipalityId })) },
          },
        });
        return {
          result: created,
          audit: {
            action: "user.create",
            entityType: "User",
            entityId: created.id,
            detail: { role: input.role, locationIds, municipalityIds },
          },
        };
      });
    },
  }),
);

const UpdateUserInput = builder.inputType("UpdateUserInput", {
  description: "Only the fields given change; scopes given replace the user's scopes.",
  fields: (t) => ({
    id: t.id(),
    name: t.string({ required: false }),
    role: t.field({ type: RoleEnum, required: false }),
    active: t.boolean({ required: false, description: "false ends the user's sessions." }),
    locale: t.string({ required: false }),
    locationIds: t.idList({ required: false }),
    municipalityIds: t.idList({ required: false }),
  }),
});

const cannotLockOut = () =>
  new Refusal(
    "CANNOT_CHANGE_OWN_ACCESS",
    "U kunt uw eigen account niet uitschakelen of uw eigen beheerrol afnemen.",
    "You cannot deactivate your own account or take away your own admin role.",
    [],
    "id",
  );

async function loadUser(tx: Tx, globalId: string | number) {
  const id = requireId("id", globalId, "User");
  const user = await tx.user.findUnique({ where: { id }, include: { locationScopes: true, municipalityScopes: true } });
  if (!user) throw notFound(undefined, "id");
  return user;
}

builder.mutationField("updateUser", (t) =>
  t.field({
    type: UserRef,
    authScopes: ADMIN,
    args: { input: t.arg({ type: UpdateUserInput }) },
    errors: refusable("UpdateUser", "user"),
    resolve: async (_root, { input }, ctx) => {
      const name = input.name === null || input.name === undefined ? undefined : requiredText("name", input.name, { max: LIMITS.name });
      const locale = validLocale(input.locale);
      const givenLocations = scopeIds("locationIds", input.locationIds, "Location");
      const givenMunicipalities = scopeIds("municipalityIds", input.municipalityIds, "Municipality");
      return writeAudited(ctx, async (tx) => {
        const user = await loadUser(tx, input.id);
        const role = input.role ?? user.role;
        const active = typeof input.active === "boolean" ? input.active : user.active;
        if (user.id === ctx.viewer?.id && (!active || role !== "ADMIN")) throw cannotLockOut();
        // A role change without new scopes drops the scopes that no longer fit.
        const locationIds = givenLocations ?? (role === "COORDINATOR" ? user.locationScopes.map((s) => s.locationId) : []);
        const municipalityIds =
          givenMunicipalities ?? (role === "MUNICIPAL_OFFICER" ? user.municipalityScopes.map((s) => s.municipalityId) : []);
        await validScopes(tx, role, locationIds, municipalityIds);
        await tx.user.update({
          where: { id: user.id },
          data: {
            ...(name ? { name } : {}),
            ...(locale ? { locale } : {}),
            role,
            active,
            locationScopes: { deleteMany: {}, create: locationIds.map((locationId) => ({ locationId })) },
            municipalityScopes: { deleteMany: {}, create: municipalityIds.map((municipalityId) => ({ municipalityId })) },
          },
        });
        const accessChanged = !active || role !== user.role;
        const sessionsEnded = accessChanged ? (await tx.session.deleteMany({ where: { userId: user.id } })).count : 0;
        const updated = await tx.user.findUniqueOrThrow({ where: { id: user.id } });
        return {
          result: updated,
          audit: {
            action: "user.update",
            entityType: "User",
            entityId: user.id,
            detail: {
              fields: Object.keys(input).filter((k) => k !== "id" && input[k as keyof typeof input] !== undefined),
              role,
              active,
              sessionsEnded,
            },
          },
        };
      });
    },
  }),
);

const ResetUserPasswordInput = builder.inputType("ResetUserPasswordInput", {
  fields: (t) => ({ id: t.id(), password: t.string({ description: `At least ${PASSWORD_MIN} characters.` }) }),
});

builder.mutationField("resetUserPassword", (t) =>
  t.field({
    type: UserRef,
    authScopes: ADMIN,
    description: "Sets a new password and ends the user's sessions.",
    args: { input: t.arg({ type: ResetUserPasswordInput }) },
    errors: refusable("ResetUserPassword", "user"),
    resolve: async (_root, { input }, ctx: Context) => {
      const passwordHash = await hashPassword(validPassword("password", input.password));
      return writeAudited(ctx, async (tx) => {
        const user = await loadUser(tx, input.id);
        expectUpdated(await tx.user.updateMany({ where: { id: user.id }, data: { passwordHash } }));
        // The admin's own current session stays (resetting one's own password should not log one out).
        const sessionsEnded = (await tx.session.deleteMany({ where: { userId: user.id, id: { not: ctx.viewer?.sessionId ?? "" } } })).count;
        const updated = await tx.user.findUniqueOrThrow({ where: { id: user.id } });
        return {
          result: updated,
          audit: { action: "user.resetPassword", entityType: "User", entityId: user.id, detail: { sessionsEnded } },
        };
      });
    },
  }),
);
