// The national office's overview: counts decided by packages/domain (licence coverage,
// expiry warnings, visitatie status). No family data here.
import { type IsoDate, licenceExpiryWarnings, mayTakeFamily, visitatieStatus } from "@homestart/domain";
import { builder } from "../builder.ts";
import { isoDate, isoDateOrNull, todayInNetherlands, toLicenceCoverage } from "../mappers.ts";

interface NationalOverview {
  on: IsoDate;
  municipalitiesOffering: number;
  locations: number;
  activeLicences: number;
  licencesExpiringSoon: number;
  visitatiesOverdue: number;
  visitatiesDueSoon: number;
}

const NationalOverviewRef = builder.objectRef<NationalOverview>("NationalOverview").implement({
  fields: (t) => ({
    on: t.field({ type: "Date", resolve: (o) => o.on }),
    municipalitiesOffering: t.exposeInt("municipalitiesOffering", { description: "Municipalities served under an active licence." }),
    locations: t.exposeInt("locations", { description: "Open locations." }),
    activeLicences: t.exposeInt("activeLicences"),
    licencesExpiringSoon: t.exposeInt("licencesExpiringSoon", { description: "Active licences ending within 90 days." }),
    visitatiesOverdue: t.exposeInt("visitatiesOverdue"),
    visitatiesDueSoon: t.exposeInt("visitatiesDueSoon", { description: "Due within 6 months and not yet planned." }),
  }),
});

builder.queryField("nationalOverview", (t) =>
  t.field({
    type: NationalOverviewRef,
    authScopes: { nationalStaff: true, admin: true },
    args: { on: t.arg({ type: "Date", required: false }) },
    resolve: async (_root, args, ctx) => {
      const on = (args.on ?? todayInNetherlands()) as IsoDate;
      const [locations, licences] = await Promise.all([
        ctx.prisma.location.findMany({
          select: {
            id: true,
            startedOn: true,
            closedOn: true,
            qualityReviews: { select: { id: true, status: true, plannedOn: true, performedOn: true } },
          },
        }),
        ctx.prisma.licence.findMany({ include: { municipalities: { include: { municipality: { select: { code: true } } } } } }),
      ]);
      const coverage = licences.map(toLicenceCoverage);
      const codes = [...new Set(coverage.flatMap((l) => l.municipalityCodes))];
      const firstLicenceStart = (locationId: string) =>
        coverage
          .filter((l) => l.locationId === locationId && l.validFrom !== null)
          .map((l) => l.validFrom!)
          .sort()[0] ?? null;
      const statuses = locations.map((l) =>
        visitatieStatus(
          {
            id: l.id,
            startedOn: isoDate(l.startedOn),
            closedOn: isoDateOrNull(l.closedOn),
            licenceStartOn: firstLicenceStart(l.id),
            reviews: l.qualityReviews.map((r) => ({
              id: r.id,
              status: r.status,
              plannedOn: isoDateOrNull(r.plannedOn),
              performedOn: isoDateOrNull(r.performedOn),
            })),
          },
          on,
        ),
      );
      return {
        on,
        municipalitiesOffering: codes.filter((code) => mayTakeFamily(coverage, { municipalityCode: code, on }).ok).length,
        locations: statuses.filter((s) => s.status !== "CLOSED").length,
        activeLicences: coverage.filter((l) => l.status === "ACTIVE").length,
        licencesExpiringSoon: licenceExpiryWarnings(coverage, on).filter((w) => w.code === "EXPIRES_SOON").length,
        visitatiesOverdue: statuses.filter((s) => s.status === "OVERDUE").length,
        visitatiesDueSoon: statuses.filter((s) => s.status === "DUE_SOON").length,
      };
    },
  }),
);
