import { describe, expect, it } from "vitest";
import { DEMO_EMAIL, SEED_TODAY, useSeededApi } from "../testing/seeded-api.ts";

const { db: getDb, loggedIn: as } = useSeededApi();

const OVERVIEW = `{ nationalOverview(on: "${SEED_TODAY}") { on municipalitiesOffering locations activeLicences licencesExpiringSoon visitatiesOverdue visitatiesDueSoon } }`;

describe("national overview", () => {
  it("counts what the domain rules say, on the seeded country", async () => {
    const res = await (await as(DEMO_EMAIL.national)).request<{ nationalOverview: Record<string, number | string> }>(OVERVIEW);
    expect(res.errors).toBeUndefined();
    const o = res.data!.nationalOverview;
    const activeLicences = await getDb().prisma.licence.count({ where: { status: "ACTIVE" } });
    expect(o.activeLicences).toBe(activeLicences);
    expect(o.locations).toBe(
      await getDb().prisma.location.count({ where: { OR: [{ closedOn: null }, { closedOn: { gt: new Date(SEED_TODAY) } }] } }),
    );
    expect(o.municipalitiesOffering).toBeGreaterThan(0);
    expect(o.visitatiesOverdue).toBeGreaterThan(0); // the seed leaves some locations overdue
  });

  it("is for national staff and admins only", async () => {
    for (const email of [DEMO_EMAIL.coordinator, DEMO_EMAIL.officer]) {
      const res = await (await as(email)).request(OVERVIEW);
      expect(res.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    }
    expect((await (await as(DEMO_EMAIL.admin)).request(OVERVIEW)).errors).toBeUndefined();
  });
});

describe("annual figures", () => {
  const NATIONAL = `query ($year: Int!) { annualFigures(year: $year) { __typename ... on AnnualFiguresSuccess { figures { year families children volunteers shareViaReferrer shareSingleParent averageHoursPerFamily riskFactors { riskFactor families } } } ... on Refusal { code field } } }`;
  const OFFICER = `query ($year: Int!, $id: ID!) { municipalityFigures(year: $year, municipalityId: $id) { __typename ... on MunicipalityFiguresSuccess { figures { municipality { code } families { shown value suppression } children { shown value } viaReferrer { shown value suppression } selfRegistered { shown value suppression } riskFactors { families { shown value suppression } } } } ... on Refusal { code } } }`;

  it("gives national staff the year's figures with the seeds' proportions", async () => {
    const res = await (await as(DEMO_EMAIL.national)).request<{ annualFigures: { figures: Record<string, number> } }>(NATIONAL, {
      year: 2025,
    });
    expect(res.errors).toBeUndefined();
    const f = res.data!.annualFigures.figures;
    expect(f.families).toBeGreaterThan(20);
    expect(f.children).toBeGreaterThanOrEqual(f.families ?? 0);
    expect(f.shareViaReferrer).toBeGreaterThan(0.45);
    expect(f.shareViaReferrer).toBeLessThan(0.8);
    expect(f.averageHoursPerFamily).toBeGreaterThan(20);
  });

  it("refuses a year before Home-Start existed with a typed error", async () => {
    const res = await (await as(DEMO_EMAIL.national)).request<{ annualFigures: { __typename: string; code: string; field: string } }>(
      NATIONAL,
      { year: 1800 },
    );
    expect(res.data?.annualFigures).toMatchObject({ __typename: "Refusal", code: "INVALID_INPUT", field: "year" });
    const future = await (await as(DEMO_EMAIL.national)).request<{ annualFigures: { code: string } }>(NATIONAL, {
      year: new Date().getFullYear() + 2,
    });
    expect(future.data?.annualFigures.code).toBe("INVALID_INPUT");
  });

  it("gives a municipal officer their own municipality only, with no count from 1 to 4 shown", async () => {
    const officer = await as(DEMO_EMAIL.officer);
    const me = await officer.request<{ me: { municipalities: Array<{ id: string; code: string }> } }>(
      "{ me { municipalities { id code } } }",
    );
    const own = me.data!.me.municipalities[0]!;
    const res = await officer.request<{ municipalityFigures: { figures: Record<string, unknown> } }>(OFFICER, { year: 2025, id: own.id });
    expect(res.errors).toBeUndefined();
    const f = res.data!.municipalityFigures.figures as { municipality: { code: string }; [k: string]: unknown };
    expect(f.municipality.code).toBe(own.code);
    const cells = JSON.stringify(f).match(/"value":\d+/g) ?? [];
    for (const cell of cells) {
      const value = Number(cell.split(":")[1]);
      expect(value === 0 || value >= 5).toBe(true);
    }

    const other = await getDb().prisma.municipality.findFirstOrThrow({ where: { code: { not: own.code } } });
    const { encodeGlobalID } = await import("@pothos/plugin-relay");
    const otherRes = await officer.request<{ municipalityFigures: unknown }>(OFFICER, {
      year: 2025,
      id: encodeGlobalID("Municipality", other.id),
    });
    expect(otherRes.errors).toBeUndefined();
    expect(otherRes.data?.municipalityFigures).toBeNull();

    const national = await (await as(DEMO_EMAIL.national)).request(OFFICER, { year: 2025, id: own.id });
    expect(national.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });
});
