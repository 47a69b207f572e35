import { useCallback } from "react";
import { useLocation, useSearch } from "wouter";

/**
 * The page's search parameters (`?jaar=2025&status=ACTIVE`) as state that survives a reload and
 * the back button. `set` replaces the given parameters (undefined or "" removes one).
 */
export function useSearchState(): [URLSearchParams, (changes: Record<string, string | undefined>) => void] {
  const search = useSearch();
  const [location, navigate] = useLocation();
  const params = new URLSearchParams(search);
  const set = useCallback(
    (changes: Record<string, string | undefined>) => {
      const next = new URLSearchParams(search);
      for (const [key, value] of Object.entries(changes)) {
        if (value === undefined || value === "") next.delete(key);
        else next.set(key, value);
      }
      const query = next.toString();
      navigate(query ? `${location}?${query}` : location);
    },
    [search, location, navigate],
  );
  return [params, set];
}

/** The last full calendar year, in Dutch time: the default for annual figures. */
export function lastFullYear(today: Date = new Date()): number {
  const year = Number(new Intl.DateTimeFormat("en-GB", { year: "numeric", timeZone: "Europe/Amsterdam" }).format(today));
  return year - 1;
}

/** The year in `?jaar=`, or the last full year when it is missing or not a whole number. */
export function useYearParam(): [number, (year: number) => void] {
  const [params, set] = useSearchState();
  const raw = params.get("jaar");
  const year = raw !== null && /^\d{4}$/.test(raw) ? Number(raw) : lastFullYear();
  const setYear = useCallback((next: number) => set({ jaar: String(next) }), [set]);
  return [year, setYear];
}
