import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { LICENCE_STATUSES, type LicenceStatus } from "../shared/enums.ts";
import {
  checkLicenceApplication,
  checkLicenceTransition,
  LICENCE_TRANSITIONS,
  type LicenceForTransition,
  type LicenceTransition,
  type MunicipalDecisionRecord,
  nextLicenceStates,
} from "./licence-transitions.ts";

const applied: LicenceForTransition = { status: "APPLIED", appliedOn: "2025-01-10", grantedOn: null, validFrom: null, validUntil: null };
const codes = (r: { reasons: { code: string }[] }) => r.reasons.map((x) => x.code);

/** An input for `to` whose guard passes from any allowed state. */
const good = (to: LicenceStatus): LicenceTransition => ({
  to,
  effectiveOn: to === "EXPIRED" ? "2029-01-01" : "2025-03-01",
  validFrom: "2025-03-01",
  validUntil: "2028-12-31",
  reason: "besluit landelijk steunpunt",
});

describe("licence lifecycle — seed 003", () => {
  it("APPLIED → GRANTED → ACTIVE ↔ SUSPENDED → EXPIRED", () => {
    let licence = applied;
    for (const to of ["GRANTED", "ACTIVE", "SUSPENDED", "ACTIVE", "EXPIRED"] as const) {
      const r = checkLicenceTransition(licence, good(to));
      if (!r.ok) throw new Error(`${to}: ${r.reasons[0]?.en}`);
      licence = {
        ...licence,
        status: r.value.to,
        validFrom: r.value.validFrom,
        validUntil: r.value.validUntil,
        grantedOn: licence.grantedOn ?? "2025-02-01",
      };
    }
    expect(licence.status).toBe("EXPIRED");
    expect(nextLicenceStates("EXPIRED")).toEqual([]);
  });

  it("activation needs a period", () => {
    const granted = { ...applied, status: "GRANTED" as const, grantedOn: "2025-02-01" };
    expect(codes(checkLicenceTransition(granted, { to: "ACTIVE", effectiveOn: "2025-03-01" }))).toEqual(["PERIOD_REQUIRED"]);
    expect(
      codes(
        checkLicenceTransition(granted, { to: "ACTIVE", effectiveOn: "2025-03-01", validFrom: "2025-03-01", validUntil: "2025-02-01" }),
      ),
    ).toEqual(["PERIOD_ENDS_BEFORE_START"]);
    expect(
      codes(
        checkLicenceTransition(granted, { to: "ACTIVE", effectiveOn: "2025-01-31", validFrom: "2025-03-01", validUntil: "2027-02-01" }),
      ),
    ).toEqual(["DATE_BEFORE_PREVIOUS_STEP"]);
  });

  it("a withdrawn application is a termination, with a reason", () => {
    expect(codes(checkLicenceTransition(applied, { to: "TERMINATED", effectiveOn: "2025-02-01" }))).toEqual(["REASON_REQUIRED"]);
    expect(checkLicenceTransition(applied, { to: "TERMINATED", effectiveOn: "2025-02-01", reason: "aanvraag ingetrokken" }).ok).toBe(true);
  });

  it("expiry only after the period; no skipping steps", () => {
    const active = { ...applied, status: "ACTIVE" as const, grantedOn: "2025-02-01", validFrom: "2025-03-01", validUntil: "2027-12-31" };
    expect(codes(checkLicenceTransition(active, { to: "EXPIRED", effectiveOn: "2027-12-31" }))).toEqual(["PERIOD_NOT_ENDED"]);
    expect(checkLicenceTransition(active, { to: "EXPIRED", effectiveOn: "2028-01-01" }).ok).toBe(true);
    expect(codes(checkLicenceTransition(applied, good("ACTIVE")))).toEqual(["TRANSITION_NOT_ALLOWED"]);
    expect(codes(checkLicenceTransition({ ...active, status: "EXPIRED" }, good("ACTIVE")))).toEqual(["TRANSITION_NOT_ALLOWED"]);
  });

  it("property: allowed exactly when the table lists it (with passing guards)", () => {
    const status = fc.constantFrom(...LICENCE_STATUSES);
    fc.assert(
      fc.property(status, status, (from, to) => {
        const licence = {
          status: from,
          appliedOn: "2025-01-10",
          grantedOn: "2025-02-01",
          validFrom: "2025-03-01",
          validUntil: "2028-12-31",
        };
        expect(checkLicenceTransition(licence, good(to)).ok).toBe(LICENCE_TRANSITIONS[from].includes(to));
      }),
    );
  });

  it("property: every walk ends in EXPIRED or TERMINATED, and APPLIED is never re-entered", () => {
    fc.assert(
      fc.property(fc.array(fc.nat(), { minLength: 20, maxLength: 20 }), (choices) => {
        let state: LicenceStatus = "APPLIED";
        for (const c of choices) {
          const next = nextLicenceStates(state);
          if (next.length === 0) break;
          state = next[c % next.length]!;
          expect(state).not.toBe("APPLIED");
        }
        // Walks may cycle ACTIVE ↔ SUSPENDED; from every state a final state is reachable.
        const reachable = new Set<LicenceStatus>([state]);
        for (let i = 0; i < 6; i++) for (const s of [...reachable]) for (const n of nextLicenceStates(s)) reachable.add(n);
        expect(reachable.has("TERMINATED") || nextLicenceStates(state).length === 0).toBe(true);
      }),
    );
  });
});

describe("licence application — a municipal decision first (seed 003: 'Met de beschikking van de gemeente')", () => {
  const decision: MunicipalDecisionRecord = {
    id: "d1",
    municipalityCode: "GM0344",
    organisationId: "welzijn",
    decidedOn: "2024-12-01",
    effectiveFrom: "2025-01-01",
    effectiveUntil: null,
  };
  const application = { organisationId: "welzijn", municipalityCodes: ["GM0344"], appliedOn: "2025-01-10" };

  it("accepts with a decision in effect, returning it", () => {
    const r = checkLicenceApplication(application, [decision]);
    expect(r.ok && r.value.map((d) => d.id)).toEqual(["d1"]);
  });

  it("refuses without a decision, for another organisation, or not yet in effect", () => {
    expect(codes(checkLicenceApplication(application, []))).toEqual(["NO_MUNICIPAL_DECISION"]);
    expect(codes(checkLicenceApplication(application, [{ ...decision, organisationId: "other" }]))).toEqual(["NO_MUNICIPAL_DECISION"]);
    expect(codes(checkLicenceApplication({ ...application, appliedOn: "2024-12-15" }, [decision]))).toEqual(["DECISION_NOT_IN_EFFECT"]);
    expect(codes(checkLicenceApplication({ ...application, municipalityCodes: ["GM0344", "GM0307"] }, [decision]))).toEqual([
      "NO_MUNICIPAL_DECISION",
    ]);
    expect(codes(checkLicenceApplication({ ...application, municipalityCodes: [] }, [decision]))).toEqual(["NO_MUNICIPALITIES"]);
  });
});
