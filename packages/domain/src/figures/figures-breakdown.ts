import { type AnnualFigures, annualFigures, type FiguresInput, licenceInForceInYear, supportedInYear } from "./annual-figures.ts";

/**
 * The national table split per location or per municipality (the national portal's breakdown and
 * the annual report's appendix). Each row is annualFigures with that one location or municipality as
 * its scope — the same definitions as the national row (seeds 000–003), never a second formula.
 */
export type BreakdownBy = "LOCATION" | "MUNICIPALITY";

export interface BreakdownRow {
  /** The location id, or the municipality's CBS code. */
  key: string;
  figures: AnnualFigures;
}

/**
 * One row per location / municipality that had a family supported in the year or a licence in force
 * in it, sorted by key. Families are grouped first, so the work grows with families + rows × licences,
 * not rows × families.
 */
export function figuresBreakdown(input: FiguresInput, year: number, by: BreakdownBy): BreakdownRow[] {
  const keyOf = (f: FiguresInput["families"][number]) => (by === "LOCATION" ? f.locationId : f.municipalityCode);
  const familiesByKey = new Map<string, FiguresInput["families"][number][]>();
  for (const family of input.families) {
    const key = keyOf(family);
    const list = familiesByKey.get(key);
    if (list) list.push(family);
    else familiesByKey.set(key, [family]);
  }
  const keys = new Set<string>();
  for (const [key, families] of familiesByKey) if (families.some((f) => supportedInYear(f, year))) keys.add(key);
  for (const licence of input.licences) {
    if (!licenceInForceInYear(licence, year)) continue;
    if (by === "LOCATION") keys.add(licence.locationId);
    else for (const code of licence.municipalityCodes) keys.add(code);
  }
  const matchesByFamily = new Map<string, FiguresInput["matches"][number][]>();
  for (const match of input.matches) {
    const list = matchesByFamily.get(match.familyId);
    if (list) list.push(match);
    else matchesByFamily.set(match.familyId, [match]);
  }
  return [...keys].sort().map((key) => {
    const families = familiesByKey.get(key) ?? [];
    const own: FiguresInput = {
      families,
      matches: families.flatMap((f) => matchesByFamily.get(f.id) ?? []),
      licences: input.licences,
      coordinators: input.coordinators,
    };
    const scope = by === "LOCATION" ? { locationIds: [key] } : { municipalityCodes: [key] };
    return { key, figures: annualFigures(own, year, scope) };
  });
}
