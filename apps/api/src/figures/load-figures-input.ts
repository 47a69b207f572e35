// Loads what packages/domain's annualFigures needs, for one year or a run of years, in four
// queries whatever the number of families or years. The definitions themselves live in the
// domain package. Requests get it through figures-cache.ts, which loads it once per change.
import type { Prisma } from "@homestart/db";
import { endOfYear, type FamilyRecord, type FiguresInput, type IsoDate, startOfYear } from "@homestart/domain";
import { isoDate, isoDateOrNull, toLicenceCoverage } from "../mappers.ts";

/** The input for each year of a range, from one load. */
export interface FiguresInputs {
  fromYear: number;
  toYear: number;
  forYear(year: number): FiguresInput;
}

/**
 * One load for the years fromYear..toYear: the families whose support may overlap the range, the
 * visit minutes per family per year, coordinators and licences. Each year's input then differs
 * only in `minutesInYear`; annualFigures itself picks the families supported in that year.
 */
export async function loadFiguresInputs(prisma: Prisma, fromYear: number, toYear: number): Promise<FiguresInputs> {
  const from = new Date(`${startOfYear(fromYear)}T00:00:00Z`);
  const until = new Date(`${endOfYear(toYear)}T00:00:00Z`);
  const [families, minutes, coordinators, licences] = await Promise.all([
    prisma.family.findMany({
      // Support that may overlap the range: a match started by its end, not closed before its start.
      where: {
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
    prisma.$queryRaw<Array<{ familyId: string; year: number; minutes: bigint | number }>>`
      SELECT m."familyId" AS "familyId", CAST(EXTRACT(YEAR FROM v."visitedOn") AS INTEGER) AS year, SUM(v.minutes) AS minutes
      FROM "Visit" v JOIN "Match" m ON m.id = v."matchId"
      WHERE v."visitedOn" >= ${from} AND v."visitedOn" <= ${until}
      GROUP BY m."familyId", CAST(EXTRACT(YEAR FROM v."visitedOn") AS INTEGER)`,
    prisma.user.findMany({
      where: { role: "COORDINATOR", active: true },
      select: { id: true, locationScopes: { select: { locationId: true } } },
    }),
    prisma.licence.findMany({ include: { municipalities: { include: { municipality: { select: { code: true } } } } } }),
  ]);
  const minutesByFamilyYear = new Map(minutes.map((r) => [`${r.familyId}:${Number(r.year)}`, Number(r.minutes)]));
  const records: Omit<FamilyRecord, "minutesInYear">[] = families.map((f) => {
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
    };
  });
  const shared = {
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
  return {
    fromYear,
    toYear,
    forYear: (year) => {
      if (year < fromYear || year > toYear) throw new RangeError(`${year} is outside the loaded years ${fromYear}–${toYear}`);
      return { ...shared, families: records.map((f) => ({ ...f, minutesInYear: minutesByFamilyYear.get(`${f.id}:${year}`) ?? 0 })) };
    },
  };
}
