import { type Expectations, only } from "../matrix.ts";

const officerXOnly = { ...only(["officerX"]), officerY: "notFound" } as const;
const ownMunicipality = (f: Parameters<NonNullable<Expectations[string]["variables"]>>[0]) => ({
  id: f.gid("Municipality", f.municipalityIds.X[0] ?? ""),
});

export const expectations: Expectations = {
  "Query.annualFigures": {
    document: "{ annualFigures(year: 2025) { __typename } }",
    expect: only(["national", "admin"]),
  },
  "Query.annualFiguresTrend": {
    document: "{ annualFiguresTrend(fromYear: 2024, toYear: 2025) { __typename } }",
    expect: only(["national", "admin"]),
  },
  "Query.annualFiguresBreakdown": {
    document: "{ annualFiguresBreakdown(year: 2025, by: MUNICIPALITY) { __typename } }",
    expect: only(["national", "admin"]),
  },
  "Query.annualFiguresCsv": {
    document: "{ annualFiguresCsv(year: 2025, by: LOCATION) { __typename } }",
    expect: only(["national", "admin"]),
  },
  "Query.municipalityFigures": {
    document: "query ($id: ID!) { municipalityFigures(municipalityId: $id, year: 2025) { __typename } }",
    variables: ownMunicipality,
    expect: officerXOnly,
  },
  "Query.municipalityFiguresTrend": {
    document: "query ($id: ID!) { municipalityFiguresTrend(municipalityId: $id, fromYear: 2024, toYear: 2025) { __typename } }",
    variables: ownMunicipality,
    expect: officerXOnly,
  },
  "Query.municipalityFiguresCsv": {
    document: "query ($id: ID!) { municipalityFiguresCsv(municipalityId: $id, year: 2025) { __typename } }",
    variables: ownMunicipality,
    expect: officerXOnly,
  },
  "Query.nationalOverview": { document: "{ nationalOverview { locations } }", expect: only(["national", "admin"]) },
};
