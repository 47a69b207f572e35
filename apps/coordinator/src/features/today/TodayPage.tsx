import { EmptyState, Heading, HomeIntro, Icon, type IconName, QueryView, useFormat, useLocalized } from "@homestart/ui";
import { useQuery } from "urql";
import { Link } from "wouter";
import type { DashboardQuery } from "../../gql/graphql.ts";
import { graphql } from "../../gql/index.ts";
import { useAppT } from "../../i18n.ts";

const DashboardQueryDocument = graphql(`
  query Dashboard {
    me {
      id
      locations {
        id
        name
      }
    }
    dashboard {
      code
      severity
      message {
        nl
        en
      }
      dueOn
      familyId
      volunteerId
    }
  }
`);

type Signal = DashboardQuery["dashboard"][number];
type Severity = "ALERT" | "WARNING" | "INFO";
const SEVERITIES: readonly Severity[] = ["ALERT", "WARNING", "INFO"];
const SEVERITY_ICON: Record<Severity, IconName> = { ALERT: "error", WARNING: "warning", INFO: "info" };
const SEVERITY_BADGE: Record<Severity, string> = { ALERT: "hs-badge--alert", WARNING: "hs-badge--warning", INFO: "hs-badge--neutral" };

/** An unknown severity from the API is shown with the warnings, so it is never lost. */
function severityOf(signal: Signal): Severity {
  return signal.severity === "ALERT" || signal.severity === "INFO" ? signal.severity : "WARNING";
}

/** Vandaag: the dashboard's signals, grouped by how urgent they are (the API's order within a group). */
export function TodayPage() {
  const t = useAppT();
  const [result, reexecute] = useQuery({ query: DashboardQueryDocument });
  return (
    <>
      <HomeIntro title={t("today.title")} compact>
        <p className="hs-page-head__lead">{t("today.lead")}</p>
      </HomeIntro>
      <QueryView result={result} retry={() => reexecute({ requestPolicy: "network-only" })}>
        {(data) => {
          const locations = data.me?.locations ?? [];
          if (locations.length === 0) {
            return (
              <EmptyState title={t("today.emptyTitle")} icon="location">
                <p>{t("locations.none")}</p>
              </EmptyState>
            );
          }
          if (data.dashboard.length === 0) {
            return (
              <EmptyState title={t("today.emptyTitle")} icon="ok">
                <p>{t("today.emptyText")}</p>
              </EmptyState>
            );
          }
          return (
            <div className="hs-signals">
              {SEVERITIES.map((severity) => {
                const signals = data.dashboard.filter((s) => severityOf(s) === severity);
                return signals.length === 0 ? null : <SignalGroup key={severity} severity={severity} signals={signals} />;
              })}
            </div>
          );
        }}
      </QueryView>
    </>
  );
}

function SignalGroup({ severity, signals }: { severity: Severity; signals: Signal[] }) {
  const t = useAppT();
  const id = `signals-${severity.toLowerCase()}`;
  return (
    <section className={`hs-section hs-signal-group hs-signal-group--${severity.toLowerCase()}`} aria-labelledby={id}>
      <div className="hs-signal-group__head">
        <Heading level={2} id={id} className="hs-signal-group__title">
          <span className={`hs-signal-group__icon hs-signal-group__icon--${severity.toLowerCase()}`}>
            <Icon name={SEVERITY_ICON[severity]} />
          </span>
          {t(`severity.${severity}`)}
          <span className="hs-badge hs-badge--neutral">
            {signals.length === 1 ? t("today.countOne") : t("today.count", { count: signals.length })}
          </span>
        </Heading>
        <p className="hs-section__intro">{t(`severity.${severity}.intro`)}</p>
      </div>
      <ul className="hs-signal-list">
        {signals.map((signal) => (
          <SignalItem
            key={`${signal.code}-${signal.familyId ?? ""}-${signal.volunteerId ?? ""}-${signal.dueOn ?? ""}-${signal.message.nl}`}
            signal={signal}
            severity={severity}
          />
        ))}
      </ul>
    </section>
  );
}

function SignalItem({ signal, severity }: { signal: Signal; severity: Severity }) {
  const t = useAppT();
  const localized = useLocalized();
  const format = useFormat();
  return (
    <li className={`hs-signal hs-signal--${severity.toLowerCase()}`} data-signal={signal.code}>
      <div className="hs-signal__body">
        <p className="hs-signal__meta">
          <span className={`hs-badge ${SEVERITY_BADGE[severity]}`}>{t(`severity.${severity}`)}</span>
          {signal.dueOn && <span className="hs-signal__due">{t("signal.due", { date: format.date(signal.dueOn, "short") })}</span>}
          {!signal.familyId && signal.volunteerId && <span className="hs-signal__about">{t("signal.volunteer")}</span>}
        </p>
        <p className="hs-signal__message">{localized(signal.message)}</p>
      </div>
      {(signal.familyId || signal.volunteerId) && (
        <div className="hs-signal__links">
          {signal.familyId && (
            <Link href={`/gezinnen/${encodeURIComponent(signal.familyId)}`} className="utrecht-link utrecht-link--html-a hs-signal__link">
              {t("signal.openFamily")}
              <span aria-hidden="true"> →</span>
            </Link>
          )}
          {signal.volunteerId && (
            <Link
              href={`/vrijwilligers/${encodeURIComponent(signal.volunteerId)}`}
              className="utrecht-link utrecht-link--html-a hs-signal__link"
            >
              {t("signal.openVolunteer")}
              <span aria-hidden="true"> →</span>
            </Link>
          )}
        </div>
      )}
    </li>
  );
}
