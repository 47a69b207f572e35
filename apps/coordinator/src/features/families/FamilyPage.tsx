import { Alert, Heading, NotFound, QueryView, TableHead, useFormat, useLocale, useLocalized, usePageTitle } from "@homestart/ui";
import { useQuery } from "urql";
import { Link } from "wouter";
import type { FamilyDetailQuery } from "../../gql/graphql.ts";
import { graphql } from "../../gql/index.ts";
import { useAppT } from "../../i18n.ts";
import { label, parentNames, riskFactorLabel, statusBadgeClass } from "../../labels.ts";

const FamilyDetailQueryDocument = graphql(`
  query FamilyDetail($id: ID!) {
    family(id: $id) {
      id
      registeredOn
      status
      source
      householdType
      languages
      riskFactors
      location {
        id
        name
      }
      municipality {
        id
        name
        code
      }
      parents {
        firstName
        lastName
        phone
        email
      }
      children {
        id
        firstName
        bornOn
        expectedOn
      }
      eligibility {
        outcome
        eligible
        eligibleFrom
        eligibleUntil
        untilIsEstimate
        policy {
          maxAgeInclusive
          pregnancyWeeksFrom
          validFrom
          validUntil
        }
        children {
          ref
          status
          from
          until
          untilIsEstimate
          reason {
            code
            message {
              nl
              en
            }
          }
        }
        reasons {
          code
          message {
            nl
            en
          }
        }
      }
    }
  }
`);

type Family = NonNullable<FamilyDetailQuery["family"]>;
type Child = Family["children"][number];

/** A family's page; a family the API does not give (unknown, or another location's) is "not found". */
export function FamilyPage({ id }: { id: string }) {
  const t = useAppT();
  const [answer, reexecute] = useQuery({ query: FamilyDetailQueryDocument, variables: { id } });
  // null with an error is a failure, not "not found": only a plain null answer means the family is not there for us.
  const result = answer.error ? { ...answer, data: undefined } : answer;
  return (
    <>
      <p className="hs-back">
        <Link href="/gezinnen" className="utrecht-link utrecht-link--html-a hs-back-link">
          <span aria-hidden="true">← </span>
          {t("family.back")}
        </Link>
      </p>
      <QueryView result={result} retry={() => reexecute({ requestPolicy: "network-only" })}>
        {(data) =>
          data.family ? (
            <FamilyView family={data.family} />
          ) : (
            <NotFound title={t("family.notFoundTitle")} back={{ href: "/gezinnen", label: t("family.notFoundBack") }}>
              <p>{t("family.notFoundText")}</p>
            </NotFound>
          )
        }
      </QueryView>
    </>
  );
}

/** A child's name, or its place among the children when it has none yet. */
function childName(t: ReturnType<typeof useAppT>, child: Child | undefined): string {
  return child?.firstName?.trim() || t("family.child.unnamed");
}

function FamilyView({ family }: { family: Family }) {
  const t = useAppT();
  const format = useFormat();
  const { locale } = useLocale();
  const name = parentNames(family.parents) || t("family.unknown");
  const title = t("family.title", { name });
  usePageTitle(title);
  const list = (items: readonly string[]) => (items.length > 0 ? items.join(", ") : t("family.none"));

  return (
    <article className="hs-family" aria-labelledby="family-title">
      <div className="hs-page-head">
        <Heading level={1} id="family-title">
          {title}
        </Heading>
        <p>
          <span className={statusBadgeClass(family.status)}>{label(t, "status", family.status)}</span>
        </p>
      </div>

      <div className="hs-family__grid">
        <section className="hs-box hs-family__facts" aria-labelledby="family-facts">
          <Heading level={2} id="family-facts">
            {t("family.facts")}
          </Heading>
          <dl className="hs-facts">
            <div>
              <dt>{t("family.status")}</dt>
              <dd>{label(t, "status", family.status)}</dd>
            </div>
            <div>
              <dt>{t("family.registeredOn")}</dt>
              <dd>{format.date(family.registeredOn, "long")}</dd>
            </div>
            <div>
              <dt>{t("family.source")}</dt>
              <dd>{label(t, "source", family.source)}</dd>
            </div>
            <div>
              <dt>{t("family.householdType")}</dt>
              <dd>{family.householdType ? label(t, "household", family.householdType) : t("family.unknown")}</dd>
            </div>
            <div>
              <dt>{t("family.municipality")}</dt>
              <dd>{family.municipality.name}</dd>
            </div>
            <div>
              <dt>{t("family.location")}</dt>
              <dd>{family.location.name}</dd>
            </div>
            <div>
              <dt>{t("family.languages")}</dt>
              <dd>{list(family.languages.map((code) => languageName(code, locale)))}</dd>
            </div>
            <div>
              <dt>{t("family.riskFactors")}</dt>
              <dd>{list(family.riskFactors.map((r) => riskFactorLabel(t, r)))}</dd>
            </div>
          </dl>
        </section>

        <section className="hs-box hs-family__parents" aria-labelledby="family-parents">
          <Heading level={2} id="family-parents">
            {t("family.parents")}
          </Heading>
          {family.parents.length === 0 ? (
            <p>{t("family.noParents")}</p>
          ) : (
            <ul className="hs-list-plain hs-parents">
              {family.parents.map((parent) => (
                <li key={`${parent.firstName}-${parent.lastName}-${parent.phone ?? ""}-${parent.email ?? ""}`} className="hs-parent">
                  <p className="hs-parent__name">
                    {parent.firstName} {parent.lastName}
                  </p>
                  <dl className="hs-parent__contact">
                    <div>
                      <dt>{t("family.phone")}</dt>
                      <dd>
                        {parent.phone ? (
                          <a
                            className="utrecht-link utrecht-link--html-a utrecht-link--telephone"
                            href={`tel:${parent.phone.replace(/[^\d+]/g, "")}`}
                          >
                            {parent.phone}
                          </a>
                        ) : (
                          t("family.unknown")
                        )}
                      </dd>
                    </div>
                    <div>
                      <dt>{t("family.email")}</dt>
                      <dd>
                        {parent.email ? (
                          <a className="utrecht-link utrecht-link--html-a" href={`mailto:${parent.email}`}>
                            {parent.email}
                          </a>
                        ) : (
                          t("family.unknown")
                        )}
                      </dd>
                    </div>
                  </dl>
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>

      <EligibilityView family={family} />
      <ChildrenTable family={family} />
    </article>
  );
}

/** "nl" → "Nederlands" / "Dutch", in the user's language; an unknown code as it is. */
function languageName(code: string, locale: string): string {
  try {
    return new Intl.DisplayNames([locale], { type: "language" }).of(code) ?? code;
  } catch {
    return code;
  }
}

const OUTCOME_ALERT: Record<string, "ok" | "warning" | "error" | "info"> = {
  ELIGIBLE: "ok",
  NOT_YET: "info",
  NOT_ELIGIBLE: "error",
  INCOMPLETE: "warning",
};

/** The API's verdict, its window, the municipality's policy in force and the reasons, in the user's language. */
function EligibilityView({ family }: { family: Family }) {
  const t = useAppT();
  const format = useFormat();
  const localized = useLocalized();
  const e = family.eligibility;
  const childById = new Map(family.children.map((c) => [c.id, c]));
  const date = (value: string) => format.date(value, "long");
  const window =
    e.eligibleFrom && e.eligibleUntil
      ? t("eligibility.window", { from: date(e.eligibleFrom), until: date(e.eligibleUntil) })
      : e.eligibleFrom
        ? t("eligibility.windowFrom", { from: date(e.eligibleFrom) })
        : null;
  // The API names a child by its id in the reasons; show the child's first name instead.
  const withNames = (text: string) =>
    [...childById.values()].reduce((acc, child) => (child.firstName ? acc.split(child.id).join(child.firstName) : acc), text);

  return (
    <section className="hs-box hs-eligibility" aria-labelledby="eligibility-title" data-outcome={e.outcome}>
      <Heading level={2} id="eligibility-title">
        {t("eligibility.title")}
      </Heading>
      <Alert
        type={OUTCOME_ALERT[e.outcome] ?? "info"}
        title={label(t, "eligibility.outcome", e.outcome)}
        className="hs-eligibility__verdict"
      >
        {window && <p className="hs-eligibility__window">{window}</p>}
        {e.untilIsEstimate && <p>{t("eligibility.windowEstimate")}</p>}
        <p className="hs-eligibility__judged">{t("eligibility.judgedOn", { date: format.date(new Date(), "long") })}</p>
      </Alert>
      <div className="hs-eligibility__details">
        <div className="hs-eligibility__policy">
          <Heading level={3}>{t("eligibility.policy")}</Heading>
          {e.policy ? (
            <>
              <p className="hs-eligibility__policy-text">
                {family.municipality.name}:{" "}
                <strong>{t("eligibility.policyText", { max: e.policy.maxAgeInclusive, weeks: e.policy.pregnancyWeeksFrom })}</strong>
              </p>
              <p className="hs-muted">
                {e.policy.validUntil
                  ? t("eligibility.policyValidRange", { from: date(e.policy.validFrom), until: date(e.policy.validUntil) })
                  : t("eligibility.policyValid", { from: date(e.policy.validFrom) })}
              </p>
            </>
          ) : (
            <p>{t("eligibility.noPolicy")}</p>
          )}
        </div>
        {e.reasons.length > 0 && (
          <div className="hs-eligibility__reasons">
            <Heading level={3}>{t("eligibility.reasons")}</Heading>
            <ul className="hs-reasons">
              {e.reasons.map((reason) => (
                <li key={`${reason.code}-${reason.message.nl}`} data-reason={reason.code}>
                  {withNames(localized(reason.message))}
                </li>
              ))}
            </ul>
          </div>
        )}
      </div>
    </section>
  );
}

/** The children: born or expected, and whether each makes the family count, with the API's explanation. */
function ChildrenTable({ family }: { family: Family }) {
  const t = useAppT();
  const format = useFormat();
  const localized = useLocalized();
  const verdicts = new Map(family.eligibility.children.map((c) => [c.ref, c]));
  const date = (value: string) => format.date(value, "short");
  return (
    <section className="hs-section hs-family__children" aria-labelledby="family-children">
      <Heading level={2} id="family-children">
        {t("family.children")}
      </Heading>
      {family.children.length === 0 ? (
        <p>{t("family.noChildren")}</p>
      ) : (
        <div className="hs-table-wrap">
          <table className="utrecht-table utrecht-table--html-table hs-table">
            <caption className="utrecht-table__caption hs-table__caption">{t("family.childrenCaption")}</caption>
            <TableHead
              columns={[
                t("family.col.child"),
                t("family.col.born"),
                t("family.col.counts"),
                t("family.col.period"),
                t("family.col.reason"),
              ]}
            />
            <tbody className="utrecht-table__body">
              {family.children.map((child) => {
                const verdict = verdicts.get(child.id);
                const name = childName(t, child);
                const period =
                  verdict?.from && verdict.until
                    ? t("family.period", { from: date(verdict.from), until: date(verdict.until) })
                    : verdict?.from
                      ? t("family.periodFrom", { from: date(verdict.from) })
                      : verdict?.until
                        ? t("family.periodUntil", { until: date(verdict.until) })
                        : "–";
                return (
                  <tr key={child.id} className="utrecht-table__row">
                    <th scope="row" className="utrecht-table__header-cell hs-table__row-header">
                      {name}
                    </th>
                    <td className="utrecht-table__cell">
                      {child.bornOn ? (
                        t("family.child.born", { date: date(child.bornOn) })
                      ) : child.expectedOn ? (
                        <>
                          <span className="hs-badge hs-badge--warning">{t("family.child.unborn")}</span>{" "}
                          {t("family.child.expected", { date: date(child.expectedOn) })}
                        </>
                      ) : (
                        t("family.unknown")
                      )}
                    </td>
                    <td className="utrecht-table__cell">
                      {verdict ? (
                        <span className={verdict.status === "QUALIFIES" ? "hs-badge hs-badge--ok" : "hs-badge hs-badge--neutral"}>
                          {label(t, "childStatus", verdict.status)}
                        </span>
                      ) : (
                        "–"
                      )}
                    </td>
                    <td className="utrecht-table__cell hs-children__period">
                      {period}
                      {verdict?.untilIsEstimate && <> {t("family.estimate")}</>}
                    </td>
                    <td className="utrecht-table__cell">
                      <div className="hs-children__reason">
                        {verdict ? localized(verdict.reason.message).split(child.id).join(name) : "–"}
                      </div>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
