import "./family.css";
import { Heading, NotFound, QueryView, usePageTitle } from "@homestart/ui";
import { useState } from "react";
import { useQuery } from "urql";
import { Link } from "wouter";
import { graphql } from "../../gql/index.ts";
import { useAppT } from "../../i18n.ts";
import { label, parentNames, statusBadgeClass } from "../../labels.ts";
import { ClosureSection } from "../closure/ClosureSection.tsx";
import { ReferrerNoticesSection } from "../closure/ReferrerNoticesSection.tsx";
import { ConsentsSection } from "../consents/ConsentsSection.tsx";
import { EvaluationsSection } from "../evaluations/EvaluationsSection.tsx";
import { ExportSection } from "../export/ExportSection.tsx";
import { ChildrenSection } from "../family-intake/ChildrenSection.tsx";
import { HouseholdSection } from "../family-intake/HouseholdSection.tsx";
import { StatusSection } from "../family-intake/StatusSection.tsx";
import { SupportQuestionsSection } from "../family-intake/SupportQuestionsSection.tsx";
import { FamilyMatchSection } from "../matching/FamilyMatchSection.tsx";
import { AuditTrail } from "./AuditTrail.tsx";
import { DuplicateWarning } from "./DuplicateWarning.tsx";
import { EligibilityView } from "./EligibilitySection.tsx";
import type { FamilyRecord } from "./family-types.ts";

const FamilyDetailQueryDocument = graphql(`
  query FamilyDetail($id: ID!) {
    family(id: $id) {
      id
      version
      registeredOn
      status
      allowedTransitions
      source
      channel
      preferredLanguage
      calledBackAt
      intakeOn
      householdType
      languages
      riskFactors
      postcode
      address
      note
      location {
        id
        name
      }
      municipality {
        id
        name
        code
      }
      referral {
        referredOn
        referrer {
          type
          name
          organisation
          email
          phone
        }
      }
      parents {
        id
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
      supportQuestions {
        id
        question
        goal
        goalReached
        createdAt
      }
      consents {
        id
        type
        action
        at
        note
        recordedByName
        textVersion
      }
      consentsInForce {
        type
        inForce
        since
      }
      evaluations {
        id
        kind
        heldOn
        parentalWellbeing
        positiveParenting
        childBehaviour
        network
        summary
        recordedByName
        createdAt
      }
      closure {
        closedOn
        reason
        goalsReached
        note
      }
      referrerNotices {
        id
        kind
        status
        subject
        attempts
        lastError
        sentAt
        nextAttemptAt
        createdAt
      }
      possibleDuplicates {
        familyId
        matches
      }
    }
  }
`);

/** A family's page; a family the API does not give (unknown, or another location's) is "not found". */
export function FamilyPage({ id }: { id: string }) {
  const t = useAppT();
  const [answer, reexecute] = useQuery({ query: FamilyDetailQueryDocument, variables: { id } });
  // null with an error is a failure, not "not found": only a plain null answer means the family is not there for us.
  const result = answer.error ? { ...answer, data: undefined } : answer;
  // The version a save answered: a second step right after the first must not be refused as stale
  // because the page has not finished loading the family again.
  const [savedVersion, setSavedVersion] = useState(0);
  const refresh = (version?: number) => {
    if (version !== undefined) setSavedVersion((v) => Math.max(v, version));
    reexecute({ requestPolicy: "network-only" });
  };
  return (
    <>
      <p className="hs-back">
        <Link href="/gezinnen" className="utrecht-link utrecht-link--html-a hs-back-link">
          <span aria-hidden="true">← </span>
          {t("family.back")}
        </Link>
      </p>
      <QueryView result={result} retry={() => refresh()}>
        {(data) =>
          data.family ? (
            <FamilyView family={{ ...data.family, version: Math.max(data.family.version, savedVersion) }} refresh={refresh} />
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

/**
 * The family page in sections, in the order of the work: where the family stands and the next step,
 * who they are, whether they qualify, what they ask, consents, the match, evaluations, closure,
 * what went to the referrer, and the record's trail and export.
 */
function FamilyView({ family, refresh }: { family: FamilyRecord; refresh: (version?: number) => void }) {
  const t = useAppT();
  const name = parentNames(family.parents) || t("family.unknown");
  const title = t("family.title", { name });
  usePageTitle(title);
  const props = { family, refresh };

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
      <DuplicateWarning family={family} />

      <div className="hs-family__grid">
        <StatusSection {...props} />
        <ParentsSection family={family} />
      </div>
      <HouseholdSection {...props} />
      <EligibilityView family={family} />
      <ChildrenSection {...props} />
      <SupportQuestionsSection {...props} />
      <ConsentsSection {...props} />
      <FamilyMatchSection familyId={family.id} />
      <EvaluationsSection {...props} />
      <ClosureSection {...props} />
      <ReferrerNoticesSection {...props} />
      <AuditTrail familyId={family.id} />
      <ExportSection familyId={family.id} />
    </article>
  );
}

function ParentsSection({ family }: { family: FamilyRecord }) {
  const t = useAppT();
  return (
    <section className="hs-box hs-family__parents" aria-labelledby="family-parents" data-section="parents">
      <Heading level={2} id="family-parents">
        {t("family.parents")}
      </Heading>
      {family.parents.length === 0 ? (
        <p>{t("family.noParents")}</p>
      ) : (
        <ul className="hs-list-plain hs-parents">
          {family.parents.map((parent) => (
            <li key={parent.id} className="hs-parent">
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
  );
}
