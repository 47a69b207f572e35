import { describe, expect, it } from "vitest";
import { type LocationForVisitatie, nextVisitatieDue, visitatieStatus } from "./next-due.ts";

const location: LocationForVisitatie = {
  id: "utrecht",
  startedOn: "2015-05-01",
  closedOn: null,
  licenceStartOn: null,
  reviews: [
    { status: "PERFORMED", plannedOn: "2019-03-01", performedOn: "2019-03-05" },
    { status: "PERFORMED", plannedOn: "2022-06-01", performedOn: "2022-06-10" },
    { status: "CANCELLED", plannedOn: "2024-01-10", performedOn: null },
  ],
};

describe("visitaties — seed 002: 'Ten minste 1 keer in de drie jaar … een visitatie op elke locatie'", () => {
  it("next due: three years after the last performed review", () => {
    expect(nextVisitatieDue(location)).toEqual({
      locationId: "utrecht",
      dueOn: "2025-06-10",
      basis: "LAST_REVIEW",
      lastPerformedOn: "2022-06-10",
    });
  });

  it("without a review: from the licence start, else the location start", () => {
    expect(nextVisitatieDue({ ...location, reviews: [], licenceStartOn: "2016-02-29" })).toMatchObject({
      dueOn: "2019-02-28",
      basis: "LICENCE_START",
    });
    expect(nextVisitatieDue({ ...location, reviews: [] })).toMatchObject({ dueOn: "2018-05-01", basis: "LOCATION_START" });
  });

  it("status: ok, due within 6 months, planned, overdue, closed", () => {
    expect(visitatieStatus(location, "2024-12-09").status).toBe("OK");
    expect(visitatieStatus(location, "2024-12-10").status).toBe("DUE_SOON");
    const planned = {
      ...location,
      reviews: [...location.reviews, { status: "PLANNED" as const, plannedOn: "2025-05-20", performedOn: null }],
    };
    expect(visitatieStatus(planned, "2025-01-10")).toMatchObject({ status: "PLANNED", plannedOn: "2025-05-20" });
    expect(visitatieStatus(location, "2025-06-10").status).toBe("DUE_SOON");
    expect(visitatieStatus(location, "2025-06-11").status).toBe("OVERDUE");
    expect(visitatieStatus(planned, "2025-06-11").status).toBe("OVERDUE");
    expect(visitatieStatus({ ...location, closedOn: "2025-01-01" }, "2025-06-11").status).toBe("CLOSED");
  });

  it("notes a plan after the due date", () => {
    const late = {
      ...location,
      reviews: [...location.reviews, { status: "PLANNED" as const, plannedOn: "2025-09-01", performedOn: null }],
    };
    expect(visitatieStatus(late, "2025-01-10").reasons.map((r) => r.code)).toEqual(["VISITATIE_PLANNED", "PLANNED_AFTER_DUE"]);
  });
});
