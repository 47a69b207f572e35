import { Role } from "@homestart/db";
import { audit } from "../audit.ts";
import { dummyPasswordHash, verifyPassword } from "../auth/password.ts";
import { clearedSessionCookie, createSession, resolveSession, sessionCookie } from "../auth/sessions.ts";
import { clearFailures, isLocked, recordFailure, throttleKey } from "../auth/throttle.ts";
import { builder } from "../builder.ts";
import type { Viewer } from "../context.ts";
import { invalidInput, Refusal } from "../errors.ts";
import { LocationRef } from "./locations.ts";
import { MunicipalityRef } from "./municipalities.ts";

export const RoleEnum = builder.enumType(Role, { name: "Role" });

export const ViewerRef = builder.objectRef<Viewer>("Viewer").implement({
  description: "The logged-in user: role and scopes.",
  fields: (t) => ({
    id: t.exposeID("id"),
    name: t.exposeString("name"),
    email: t.exposeString("email"),
    role: t.field({ type: RoleEnum, resolve: (v) => v.role }),
    locale: t.exposeString("locale"),
    locations: t.prismaField({
      type: [LocationRef],
      description: "The locations a coordinator works for.",
      resolve: (query, v, _args, ctx) =>
        ctx.prisma.location.findMany({ ...query, where: { id: { in: v.locationIds } }, orderBy: { name: "asc" } }),
    }),
    municipalities: t.prismaField({
      type: [MunicipalityRef],
      description: "The municipalities a municipal officer works for.",
      resolve: (query, v, _args, ctx) =>
        ctx.prisma.municipality.findMany({ ...query, where: { id: { in: v.municipalityIds } }, orderBy: { name: "asc" } }),
    }),
  }),
});

builder.queryField("me", (t) =>
  t.field({
    type: ViewerRef,
    nullable: true,
    description: "The logged-in user, or null.",
    skipTypeScopes: true,
    resolve: (_root, _args, ctx) => ctx.viewer,
  }),
);

const INVALID_CREDENTIALS = new Refusal(
  "INVALID_CREDENTIALS",
  "Het e-mailadres of het wachtwoord klopt niet.",
  "The e-mail address or the password is not correct.",
);
const TOO_MANY_ATTEMPTS = new Refusal(
  "TOO_MANY_ATTEMPTS",
  "Te veel mislukte pogingen. Probeer het over een kwartier opnieuw.",
  "Too many failed attempts. Try again in fifteen minutes.",
);

builder.mutationField("login", (t) =>
  t.field({
    type: ViewerRef,
    skipTypeScopes: true,
    description: "Logs in with e-mail and password; sets an HTTP-only session cookie.",
    args: { email: t.arg.string(), password: t.arg.string() },
    errors: { types: [Refusal], union: { name: "LoginResult" }, result: { name: "LoginSuccess" }, dataField: { name: "viewer" } },
    resolve: async (_root, args, ctx) => {
      const email = args.email.trim().toLowerCase();
      if (email.length < 3 || email.length > 254 || !email.includes("@")) {
        throw invalidInput("email", "Vul een geldig e-mailadres in.", "Enter a valid e-mail address.");
      }
      if (args.password.length === 0 || args.password.length > 1024) {
        throw invalidInput("password", "Vul uw wachtwoord in.", "Enter your password.");
      }
      const accountKey = throttleKey("account", email);
      const addressKey = throttleKey("address", ctx.clientAddress);
      if (await isLocked(ctx.prisma, [accountKey, addressKey])) throw TOO_MANY_ATTEMPTS;

      const user = await ctx.prisma.user.findUnique({ where: { email } });
      // Verify against a dummy hash when there is no such account, so timing reveals nothing.
      const passwordOk = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), args.password);
      if (!user?.active || !passwordOk) {
        await recordFailure(ctx.prisma, "account", accountKey);
        await recordFailure(ctx.prisma, "address", addressKey);
        await audit(ctx.prisma, ctx, "login.failed", "User", user?.id ?? null, undefined, user?.id ?? null);
        throw INVALID_CREDENTIALS;
      }
      await clearFailures(ctx.prisma, accountKey);
      // A new session on every login (no session fixation); an old one of this browser ends.
      if (ctx.viewer) await ctx.prisma.session.deleteMany({ where: { id: ctx.viewer.sessionId } });
      const session = await createSession(ctx.prisma, user.id);
      await ctx.prisma.user.update({ where: { id: user.id }, data: { lastLoginAt: new Date() } });
      await audit(ctx.prisma, ctx, "login", "User", user.id, undefined, user.id);
      ctx.responseCookies.push(sessionCookie(session.token, session.expiresAt, ctx.secure));
      const viewer = (await resolveSession(ctx.db, session.token))?.viewer;
      if (!viewer) throw new Error("Session vanished right after it was created.");
      ctx.viewer = viewer;
      return viewer;
    },
  }),
);

builder.mutationField("logout", (t) =>
  t.boolean({
    description: "Ends the current session.",
    resolve: async (_root, _args, ctx) => {
      const viewer = ctx.viewer!;
      await ctx.prisma.session.deleteMany({ where: { id: viewer.sessionId } });
      await audit(ctx.prisma, ctx, "logout", "User", viewer.id);
      ctx.responseCookies.push(clearedSessionCookie(ctx.secure));
      return true;
    },
  }),
);
