// Loads what packages/domain's annualFigures needs for one year, in four queries whatever the
// number of families. The definitions themselves live in the domain package.
import type { Prisma } from "@homestart/db";
import { endOfYear, type FiguresInput, type IsoDate, startOfYear } from "@homestart/domain";
import { isoDate, isoDateOrNull, toLicenceCoverage } from "../mappers.ts";

export async function loadFiguresInput(prisma: Prisma, year: number, municipalityIds?: readonly string[]): Promise<FiguresInput> {
  const from = new Date(`${startOfYear(year)}T00:00:00Z`);
  const until = new Date(`${endOfYear(year)}T00:00:00Z`);
  const inScope = municipalityIds ? { municipalityId: { in: [...municipalityIds] } } : {};
  const [families, minutes, coordinators, licences] = await Promise.all([
    prisma.family.findMany({
      // Support that may overlap the year: a match started by its end, not closed before its start.
      where: {
        ...inScope,
        matches: { some: { startOn: { lte: until } } },
        OR: [{ closure: null }, { closure: { closedOn: { gte: from } } }],
      },
      select: {
        id: true,
        locationId: true,
        registeredOn: true,
        source: true,
        householdType: true,
        riskFactors: true,
        municipality: { select: { code: true } },
        closure: { select: { closedOn: true } },
        matches: { select: { volunteerId: true, startOn: true, endOn: true }, orderBy: { startOn: "asc" } },
        _count: { select: { children: true } },
      },
    }),
    prisma.$queryRaw<Array<{ familyId: string; minutes: bigint | number }>>`
      SELECT m."familyId" AS "familyId", SUM(v.minutes) AS minutes
      FROM "Visit" v JOIN "Match" m ON m.id = v."matchId"
      WHERE v."visitedOn" >= ${from} AND v."visitedOn" <= ${until}
      GROUP BY m."familyId"`,
    prisma.user.findMany({
      where: { role: "COORDINATOR", active: true },
      select: { id: true, locationScopes: { select: { locationId: true } } },
    }),
    prisma.licence.findMany({ include: { municipalities: { include: { municipality: { select: { code: true } } } } } }),
  ]);
  const minutesByFamily = new Map(minutes.map((r) => [r.familyId, Number(r.minutes)]));
  return {
    families: families.map((f) => {
      const openMatch = f.matches.some((m) => m.endOn === null);
      const lastEnd =
        f.matches
          .map((m) => (m.endOn ? isoDate(m.endOn) : null))
          .sort()
          .at(-1) ?? null;
      return {
        id: f.id,
        municipalityCode: f.municipality.code,
        locationId: f.locationId,
        registeredOn: isoDate(f.registeredOn),
        startOn: isoDateOrNull(f.matches[0]?.startOn),
        endOn: f.closure ? isoDate(f.closure.closedOn) : openMatch ? null : (lastEnd as IsoDate | null),
        source: f.source,
        householdType: f.householdType,
        riskFactors: f.riskFactors,
        childrenCount: f._count.children,
        minutesInYear: minutesByFamily.get(f.id) ?? 0,
      };
    }),
    matches: families.flatMap((f) =>
      f.matches.map((m) => ({ familyId: f.id, volunteerId: m.volunteerId, startOn: isoDate(m.startOn), endOn: isoDateOrNull(m.endOn) })),
    ),
    coordinators: coordinators.map((c) => ({
      id: c.id,
      locationIds: c.locationScopes.map((s) => s.locationId),
      // Users carry no employment dates yet: an active coordinator counts for every year.
      activeFrom: null,
      activeUntil: null,
    })),
    licences: licences.map(toLicenceCoverage),
  };
}
