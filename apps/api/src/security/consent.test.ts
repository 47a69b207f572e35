// Consent (issue 8, item 2): no referrer notice and no shared detail without the consent in force at
// that moment; a withdrawn consent stops the next notice; the consent history is append-only.
// (A notice already queued whose consent is withdrawn before sending is cancelled: proven in
// schema/referrer-notices.test.ts.)
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { anonymisedValues, CLOSURE_REASON_TEXT } from "@homestart/domain";
import { encodeGlobalID } from "@pothos/plugin-relay";
import { beforeAll, describe, expect, it } from "vitest";
import { schema } from "../schema/index.ts";
import type { TestClient } from "../testing/http-client.ts";
import { DEMO_EMAIL, SEED_TODAY, useSeededApi } from "../testing/seeded-api.ts";

const { db, loggedIn } = useSeededApi();
let coordinator: TestClient;
/** Referred, active, not closed families of coordinator A, with a referrer who has an e-mail address. */
let families: Array<{ id: string; gid: string }> = [];

const CONSENT = /* GraphQL */ `
  mutation ($input: ConsentChangeInput!, $grant: Boolean!) {
    grantConsent(input: $input) @include(if: $grant) { __typename ... on Refusal { code } }
    withdrawConsent(input: $input) @skip(if: $grant) { __typename ... on Refusal { code } }
  }
`;
const CLOSE = /* GraphQL */ `
  mutation ($input: CloseFamilyInput!) {
    closeFamily(input: $input) {
      __typename
      ... on CloseFamilySuccess { data: closed { notices { kind queued reasons { code } } } }
      ... on Refusal { code message { en } }
    }
  }
`;

type ConsentType = "NOTIFY_REFERRER_START_END" | "SHARE_DETAILS_WITH_REFERRER";

async function consent(familyGid: string, type: ConsentType, grant: boolean): Promise<string> {
  const res = await coordinator.request<Record<string, { __typename: string; code?: string }>>(CONSENT, {
    input: { familyId: familyGid, type, textVersion: "v-test" },
    grant,
  });
  const answer = res.data?.grantConsent ?? res.data?.withdrawConsent;
  return answer?.code ?? answer?.__typename ?? JSON.stringify(res.errors);
}

async function close(familyId: string, familyGid: string) {
  const { version } = await db().prisma.family.findUniqueOrThrow({ where: { id: familyId } });
  const res = await coordinator.request<{
    closeFamily: { __typename: string; data?: { notices: Array<{ kind: string; queued: boolean; reasons: Array<{ code: string }> }> } };
  }>(CLOSE, { input: { familyId: familyGid, version, closedOn: SEED_TODAY, reason: "GOALS_REACHED", goalsReached: "ALL" } });
  expect(res.data?.closeFamily.__typename, JSON.stringify(res.data ?? res.errors)).toBe("CloseFamilySuccess");
  return res.data?.closeFamily.data?.notices ?? [];
}

const endNotice = (familyId: string) => db().prisma.referrerNotification.findFirst({ where: { familyId, kind: "END" } });
const reasonText = CLOSURE_REASON_TEXT.GOALS_REACHED.nl;

beforeAll(async () => {
  coordinator = await loggedIn(DEMO_EMAIL.coordinator);
  const me = await db().prisma.user.findUniqueOrThrow({ where: { email: DEMO_EMAIL.coordinator }, include: { locationScopes: true } });
  const rows = await db().prisma.family.findMany({
    where: {
      locationId: { in: me.locationScopes.map((s) => s.locationId) },
      status: "ACTIVE",
      source: "REFERRER",
      closure: null,
      referral: { referrer: { email: { not: null } } },
      referrerNotifications: { none: { kind: "END" } },
    },
    orderBy: { id: "asc" },
    take: 3,
  });
  families = rows.map((f) => ({ id: f.id, gid: encodeGlobalID("Family", f.id) }));
  expect(families).toHaveLength(3);
});

describe("referrer notices follow the consent in force", () => {
  it("sends the END notice with details only while both consents are in force", async () => {
    const f = families[0] as { id: string; gid: string };
    await consent(f.gid, "NOTIFY_REFERRER_START_END", true);
    await consent(f.gid, "SHARE_DETAILS_WITH_REFERRER", true);
    const notices = await close(f.id, f.gid);
    expect(notices).toMatchObject([{ kind: "END", queued: true }]);
    expect((await endNotice(f.id))?.body).toContain(reasonText);
  });

  it("shares no detail once the consent to share details was withdrawn", async () => {
    const f = families[1] as { id: string; gid: string };
    await consent(f.gid, "NOTIFY_REFERRER_START_END", true);
    await consent(f.gid, "SHARE_DETAILS_WITH_REFERRER", true);
    expect(await consent(f.gid, "SHARE_DETAILS_WITH_REFERRER", false)).toBe("WithdrawConsentSuccess");
    const notices = await close(f.id, f.gid);
    expect(notices).toMatchObject([{ kind: "END", queued: true }]);
    const notice = await endNotice(f.id);
    expect(notice?.body).toBeTruthy();
    expect(notice?.body).not.toContain(reasonText);
    // Nor anything of the family beyond what the referrer already knows: no address, phone or note.
    const family = await db().prisma.family.findUniqueOrThrow({ where: { id: f.id }, include: { parents: true } });
    for (const value of [family.address, family.postcode, family.note, ...family.parents.flatMap((p) => [p.phone, p.email])]) {
      if (value) expect(notice?.body).not.toContain(value);
    }
  });

  it("sends no notice at all once the consent to notify was withdrawn", async () => {
    const f = families[2] as { id: string; gid: string };
    await consent(f.gid, "NOTIFY_REFERRER_START_END", true);
    expect(await consent(f.gid, "NOTIFY_REFERRER_START_END", false)).toBe("WithdrawConsentSuccess");
    const notices = await close(f.id, f.gid);
    expect(notices).toMatchObject([{ kind: "END", queued: false }]);
    expect(notices[0]?.reasons.length).toBeGreaterThan(0);
    expect(await endNotice(f.id)).toBeNull();
  });
});

describe("the consent history is append-only", () => {
  it("never changes or removes an event: grants and withdrawals only add, a refused one adds nothing", async () => {
    const f = families[0] as { id: string; gid: string };
    const snapshot = async () => db().prisma.consentEvent.findMany({ where: { familyId: f.id }, orderBy: { id: "asc" } });
    const before = await snapshot();
    expect(await consent(f.gid, "SHARE_DETAILS_WITH_REFERRER", false)).toBe("WithdrawConsentSuccess");
    // Withdrawing what is no longer in force is refused, and writes nothing.
    expect(await consent(f.gid, "SHARE_DETAILS_WITH_REFERRER", false)).not.toBe("WithdrawConsentSuccess");
    expect(await consent(f.gid, "SHARE_DETAILS_WITH_REFERRER", true)).toBe("GrantConsentSuccess");
    const after = await snapshot();
    expect(after.length).toBe(before.length + 2);
    expect(after.slice(0, before.length)).toEqual(before);
    expect(after.slice(before.length).map((e) => e.action)).toEqual(["WITHDRAWN", "GRANTED"]);
  });

  it("has no path in the API that updates or deletes a consent event", () => {
    // No mutation whose name suggests editing consents other than the two that append.
    const names = Object.keys(schema.getMutationType()?.getFields() ?? {}).filter((n) => /consent/i.test(n));
    expect(names.sort()).toEqual(["grantConsent", "withdrawConsent"]);
    // And no code in the API (or its helpers) that changes or removes ConsentEvent rows.
    const root = fileURLToPath(new URL("..", import.meta.url));
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const file = path.join(dir, name);
        if (statSync(file).isDirectory()) walk(file);
        else if (/\.ts$/.test(name) && !/\.test\.ts$/.test(name)) {
          const text = readFileSync(file, "utf8");
          if (/consentEvent\.(update|updateMany|upsert|delete|deleteMany)\b/.test(text)) offenders.push(file);
          if (/consents:\s*\{\s*(update|updateMany|upsert|delete|deleteMany|set)\b/.test(text)) offenders.push(file);
          if (/(UPDATE|DELETE FROM)\s+"?ConsentEvent/i.test(text)) offenders.push(file);
        }
      }
    };
    walk(root);
    // The one exception: retention clears a consent event's free-text note when the family is
    // anonymised (personal data must go); the event itself (type, action, moment, text shown)
    // stays. Allowed only while that is all the domain's anonymisation changes.
    expect(Object.keys(anonymisedValues().ConsentEvent)).toEqual(["note"]);
    const retention = path.join(root, "retention", "anonymise-closed-families.ts");
    expect(offenders.filter((file) => file !== retention)).toEqual([]);
  });
});
