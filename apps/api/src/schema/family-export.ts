// A GDPR access request (AVG inzageverzoek): everything stored about one family, as JSON, for the
// coordinator of its location. Audited as family.export (no personal data in the audit entry).
import { audit } from "../audit.ts";
import { builder } from "../builder.ts";
import { idOfType } from "../global-ids.ts";
import { familyLocationScope } from "./families.ts";

const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);

builder.queryField("exportFamilyData", (t) =>
  t.field({
    type: "String",
    nullable: true,
    authScopes: { coordinator: true },
    description:
      "Everything stored about the family (parents, children, referral, consents, support questions, matches with visits, evaluations, closure, notices, group meetings) as a JSON text; null when not found. Audited.",
    args: { familyId: t.arg.id() },
    resolve: async (_root, args, ctx) => {
      const id = idOfType(String(args.familyId), "Family");
      const family = await ctx.prisma.family.findFirst({
        where: { id: id ?? { in: [] }, locationId: { in: familyLocationScope(ctx) } },
        include: {
          location: { select: { name: true, city: true } },
          municipality: { select: { code: true, name: true } },
          parents: { orderBy: { id: "asc" } },
          children: { orderBy: { id: "asc" } },
          referral: { include: { referrer: true } },
          consents: { orderBy: [{ at: "asc" }, { id: "asc" }], include: { recordedBy: { select: { name: true } } } },
          supportQuestions: { orderBy: [{ createdAt: "asc" }, { id: "asc" }] },
          matches: {
            orderBy: { startOn: "asc" },
            include: {
              volunteer: { select: { firstName: true, lastName: true } },
              visits: { orderBy: [{ visitedOn: "asc" }, { id: "asc" }] },
            },
          },
          evaluations: { orderBy: [{ heldOn: "asc" }, { id: "asc" }], include: { recordedBy: { select: { name: true } } } },
          closure: true,
          referrerNotifications: { orderBy: [{ createdAt: "asc" }, { id: "asc" }] },
          groupAttendances: { include: { meeting: { select: { title: true, heldOn: true, topic: true } } } },
        },
      });
      if (!family) return null;
      await audit(ctx.prisma, ctx, "family.export", "Family", family.id);
      const data = {
        exportedAt: new Date().toISOString(),
        family: {
          id: family.id,
          location: family.location,
          municipality: family.municipality,
          registeredOn: day(family.registeredOn),
          source: family.source,
          channel: family.channel,
          status: family.status,
          householdType: family.householdType,
          languages: family.languages,
          preferredLanguage: family.preferredLanguage,
          riskFactors: family.riskFactors,
          postcode: family.postcode,
          address: family.address,
          note: family.note,
          calledBackAt: family.calledBackAt,
          intakeOn: day(family.intakeOn),
          createdAt: family.createdAt,
          updatedAt: family.updatedAt,
        },
        parents: family.parents.map(({ familyId: _f, ...p }) => p),
        children: family.children.map((c) => ({ id: c.id, firstName: c.firstName, bornOn: day(c.bornOn), expectedOn: day(c.expectedOn) })),
        referral: family.referral
          ? {
              referredOn: day(family.referral.referredOn),
              referrer: {
                type: family.referral.referrer.type,
                name: family.referral.referrer.name,
                organisation: family.referral.referrer.organisation,
                email: family.referral.referrer.email,
                phone: family.referral.referrer.phone,
              },
            }
          : null,
        consents: family.consents.map((c) => ({
          type: c.type,
          action: c.action,
          at: c.at,
          textVersion: c.textVersion,
          text: c.text,
          note: c.note,
          recordedBy: c.recordedBy?.name ?? null,
        })),
        supportQuestions: family.supportQuestions.map((q) => ({
          question: q.question,
          goal: q.goal,
          goalReached: q.goalReached,
          createdAt: q.createdAt,
        })),
        matches: family.matches.map((m) => ({
          volunteer: `${m.volunteer.firstName} ${m.volunteer.lastName}`,
          startOn: day(m.startOn),
          endOn: day(m.endOn),
          endReason: m.endReason,
          visits: m.visits.map((v) => ({ visitedOn: day(v.visitedOn), minutes: v.minutes, note: v.note })),
        })),
        evaluations: family.evaluations.map((e) => ({
          kind: e.kind,
          heldOn: day(e.heldOn),
          summary: e.summary,
          parentalWellbeing: e.parentalWellbeing,
          positiveParenting: e.positiveParenting,
          childBehaviour: e.childBehaviour,
          network: e.network,
          recordedBy: e.recordedBy?.name ?? null,
        })),
        closure: family.closure
          ? {
              closedOn: day(family.closure.closedOn),
              reason: family.closure.reason,
              goalsReached: family.closure.goalsReached,
              note: family.closure.note,
            }
          : null,
        referrerNotices: family.referrerNotifications.map((n) => ({
          kind: n.kind,
          status: n.status,
          subject: n.subject,
          body: n.body,
          attempts: n.attempts,
          createdAt: n.createdAt,
          sentAt: n.sentAt,
        })),
        groupMeetings: family.groupAttendances.map((a) => ({
          title: a.meeting.title,
          heldOn: day(a.meeting.heldOn),
          topic: a.meeting.topic,
          parentCount: a.parentCount,
          childCount: a.childCount,
        })),
      };
      return JSON.stringify(data, null, 2);
    },
  }),
);
