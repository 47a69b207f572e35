import { EmptyState, Heading, QueryView, useFormat, usePageTitle, useSearchState } from "@homestart/ui";
import { useQuery } from "urql";
import { Link } from "wouter";
import { graphql } from "../../gql/index.ts";
import { useAppT } from "../../i18n.ts";
import { parentNames } from "../../labels.ts";
import { addDays, isIsoDay, mondayOf, todayIso } from "./dates.ts";
import { VisitQuickForm } from "./VisitQuickForm.tsx";
import "./work.css";

const WeekMatchesQuery = graphql(`
  query WeekMatches($weekOf: Date!) {
    weekMatches(weekOf: $weekOf) {
      id
      startOn
      endOn
      lastVisitOn
      visitCountInWeek(weekOf: $weekOf)
      family {
        id
        parents {
          firstName
          lastName
        }
      }
      volunteer {
        id
        firstName
        lastName
      }
    }
  }
`);

/**
 * Bezoeken: the week's running matches, each with a quick form to log a visit. The week is in the
 * address (?week=<Monday>), so reload and back work.
 */
export function WeekVisitsPage() {
  const t = useAppT();
  const format = useFormat();
  usePageTitle(t("visits.title"));
  const [params] = useSearchState();
  const today = todayIso();
  const raw = params.get("week");
  const monday = mondayOf(isIsoDay(raw) ? raw : today);
  const sunday = addDays(monday, 6);
  const isCurrent = monday === mondayOf(today);
  // Within the week shown, today; otherwise the week's last day (a visit not yet logged).
  const defaultDate = today >= monday && today <= sunday ? today : sunday < today ? sunday : monday;
  const [result, reexecute] = useQuery({ query: WeekMatchesQuery, variables: { weekOf: monday } });
  const weekHref = (day: string) => `/bezoeken?week=${day}`;

  return (
    <>
      <div className="hs-page-head">
        <Heading level={1}>{t("visits.title")}</Heading>
        <p className="hs-page-head__lead">{t("visits.lead")}</p>
      </div>
      <nav className="hs-week-nav" aria-label={t("visits.weekNav")}>
        <Link href={weekHref(addDays(monday, -7))} className="utrecht-link utrecht-link--html-a hs-week-nav__link">
          <span aria-hidden="true">← </span>
          {t("visits.previousWeek")}
        </Link>
        <Heading level={2} className="hs-week-nav__title" aria-live="polite">
          {t("visits.week", { from: format.date(monday, "long"), until: format.date(sunday, "long") })}
        </Heading>
        <Link href={weekHref(addDays(monday, 7))} className="utrecht-link utrecht-link--html-a hs-week-nav__link">
          {t("visits.nextWeek")}
          <span aria-hidden="true"> →</span>
        </Link>
        {!isCurrent && (
          <Link href="/bezoeken" className="utrecht-link utrecht-link--html-a hs-week-nav__link">
            {t("visits.thisWeek")}
          </Link>
        )}
      </nav>
      <QueryView result={result} retry={() => reexecute({ requestPolicy: "network-only" })}>
        {(data) => {
          const matches = data.weekMatches;
          if (matches.length === 0) {
            return (
              <EmptyState title={t("visits.emptyTitle")} icon="info" headingLevel={3}>
                <p>{t("visits.emptyText")}</p>
              </EmptyState>
            );
          }
          return (
            <>
              <p className="hs-muted">{matches.length === 1 ? t("visits.countOne") : t("visits.count", { count: matches.length })}</p>
              <ul className="hs-list-plain hs-week-matches">
                {matches.map((match) => {
                  const family = parentNames(match.family.parents) || t("family.unknown");
                  const volunteer = `${match.volunteer.firstName} ${match.volunteer.lastName}`;
                  const logged = match.visitCountInWeek > 0;
                  return (
                    <li key={match.id} className="hs-week-match" data-match={match.id} data-logged={logged}>
                      <div className="hs-week-match__head">
                        <Heading level={3} className="hs-week-match__family">
                          <Link href={`/gezinnen/${encodeURIComponent(match.family.id)}`} className="utrecht-link utrecht-link--html-a">
                            {family}
                          </Link>
                        </Heading>
                        <span className={logged ? "hs-badge hs-badge--ok" : "hs-badge hs-badge--warning"} data-week-state>
                          {logged
                            ? match.visitCountInWeek === 1
                              ? t("visits.loggedThisWeek")
                              : t("visits.loggedThisWeekMany", { count: match.visitCountInWeek })
                            : t("visits.notLoggedThisWeek")}
                        </span>
                      </div>
                      <dl className="hs-week-match__facts">
                        <div>
                          <dt>{t("visits.volunteer")}</dt>
                          <dd>
                            <Link
                              href={`/vrijwilligers/${encodeURIComponent(match.volunteer.id)}`}
                              className="utrecht-link utrecht-link--html-a"
                            >
                              {volunteer}
                            </Link>
                          </dd>
                        </div>
                        <div>
                          <dt>{t("visits.since")}</dt>
                          <dd>{format.date(match.startOn, "short")}</dd>
                        </div>
                        <div>
                          <dt>{t("visits.lastVisit")}</dt>
                          <dd>{match.lastVisitOn ? format.date(match.lastVisitOn, "short") : t("visits.noVisitYet")}</dd>
                        </div>
                      </dl>
                      <VisitQuickForm
                        matchId={match.id}
                        defaultDate={defaultDate}
                        weekOf={monday}
                        label={t("visit.formLabel", { family, volunteer })}
                      />
                    </li>
                  );
                })}
              </ul>
            </>
          );
        }}
      </QueryView>
    </>
  );
}
