import { type Expectations, only } from "../matrix.ts";

export const expectations: Expectations = {
  "Query.annualFigures": {
    document: "{ annualFigures(year: 2025) { __typename } }",
    expect: only(["national", "admin"]),
  },
  "Query.municipalityFigures": {
    document: "query ($id: ID!) { municipalityFigures(municipalityId: $id, year: 2025) { __typename } }",
    variables: (f) => ({ id: f.gid("Municipality", f.municipalityIds.X[0] ?? "") }),
    expect: { ...only(["officerX"]), officerY: "notFound" },
  },
  "Query.nationalOverview": { document: "{ nationalOverview { locations } }", expect: only(["national", "admin"]) },
};
