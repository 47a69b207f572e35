import {
  Alert,
  Button,
  DateField,
  FormProblem,
  fieldError,
  Heading,
  type Problem,
  RecordPage,
  SelectField,
  TableHead,
  TextAreaField,
  TextField,
  useFormat,
  useLocalized,
  usePageTitle,
  useRefusableMutation,
} from "@homestart/ui";
import { type FormEvent, useState } from "react";
import { useQuery } from "urql";
import { Link } from "wouter";
import type { MunicipalityDetailQuery } from "../../gql/graphql.ts";
import { graphql } from "../../gql/index.ts";
import { useAppT } from "../../i18n.ts";
import { idPath } from "../../ids.ts";
import { label, licenceBadgeClass } from "../../labels.ts";
import { Period } from "../licences/Period.tsx";
import { PolicyText } from "./PolicyText.tsx";

// The API has no municipality(id) query; `search` matches the CBS code, so the page is by code.
const MunicipalityDetailQueryDocument = graphql(`
  query MunicipalityDetail($code: String!) {
    municipalities(search: $code, first: 5) {
      edges {
        node {
          id
          code
          name
          province
          homeStart {
            offered
            reasons {
              code
              message {
                nl
                en
              }
            }
            licence {
              id
            }
          }
          agePolicyInForce {
            maxAgeInclusive
            pregnancyWeeksFrom
          }
          agePolicies {
            id
            validFrom
            validUntil
            maxAgeInclusive
            pregnancyWeeksFrom
            note
          }
          municipalDecisions {
            id
            reference
            decidedOn
            effectiveFrom
            effectiveUntil
            note
            organisation {
              id
              name
            }
          }
          licences {
            id
            number
            status
            organisation {
              id
              name
            }
            validFrom
            validUntil
            location {
              id
              name
            }
          }
        }
      }
    }
    organisations(first: 100) {
      edges {
        node {
          id
          name
        }
      }
    }
  }
`);

const SetAgePolicyMutation = graphql(`
  mutation SetAgePolicy($input: SetAgePolicyInput!) {
    setAgePolicy(input: $input) {
      __typename
      ... on SetAgePolicySuccess {
        municipality {
          id
        }
      }
      ...NationalRefusal
    }
  }
`);

const RecordMunicipalDecisionMutation = graphql(`
  mutation RecordMunicipalDecision($input: RecordMunicipalDecisionInput!) {
    recordMunicipalDecision(input: $input) {
      __typename
      ... on RecordMunicipalDecisionSuccess {
        decision {
          id
        }
      }
      ...NationalRefusal
    }
  }
`);

type Municipality = MunicipalityDetailQuery["municipalities"]["edges"][number]["node"];
type Organisation = MunicipalityDetailQuery["organisations"]["edges"][number]["node"];
/** The ranges the API's setAgePolicy names (0 t/m 6, 14 or 17); the API decides what it accepts. */
const AGE_CHOICES = ["6", "14", "17"];

export function MunicipalityPage({ code }: { code: string }) {
  const t = useAppT();
  const [answer, reexecute] = useQuery({ query: MunicipalityDetailQueryDocument, variables: { code } });
  const refetch = () => reexecute({ requestPolicy: "network-only" });
  return (
    <RecordPage
      back={{ href: "/gemeenten", label: t("municipality.back") }}
      result={answer}
      retry={refetch}
      record={(data) => data.municipalities.edges.map((e) => e.node).find((m) => m.code.toUpperCase() === code.toUpperCase())}
      notFound={{ title: t("municipality.notFoundTitle"), text: t("municipality.notFoundText") }}
    >
      {(municipality, data) => (
        <MunicipalityView municipality={municipality} organisations={data.organisations.edges.map((e) => e.node)} refetch={refetch} />
      )}
    </RecordPage>
  );
}

function MunicipalityView({
  municipality: m,
  organisations,
  refetch,
}: {
  municipality: Municipality;
  organisations: Organisation[];
  refetch: () => void;
}) {
  const t = useAppT();
  const format = useFormat();
  const localized = useLocalized();
  const title = t("municipality.title", { name: m.name });
  usePageTitle(title);
  const [done, setDone] = useState<string | null>(null);
  const after = (message: string) => {
    setDone(message);
    refetch();
  };
  // The licence Home-Start is offered under, with its names from the municipality's licences.
  const licence = m.licences.find((l) => l.id === m.homeStart.licence?.id);

  return (
    <article aria-labelledby="municipality-title">
      <div className="hs-page-head">
        <Heading level={1} id="municipality-title">
          {title}
        </Heading>
      </div>
      {done && (
        <Alert type="ok" role="status">
          <p>{done}</p>
        </Alert>
      )}
      <section className="hs-section hs-box" aria-labelledby="municipality-facts">
        <Heading level={2} id="municipality-facts">
          {t("municipality.facts")}
        </Heading>
        <dl className="hs-facts">
          <div>
            <dt>{t("municipality.code")}</dt>
            <dd>{m.code}</dd>
          </div>
          <div>
            <dt>{t("municipality.province")}</dt>
            <dd>{m.province}</dd>
          </div>
          <div>
            <dt>{t("municipality.offered")}</dt>
            <dd data-offered={m.homeStart.offered}>{m.homeStart.offered ? t("municipalities.yes") : t("municipalities.no")}</dd>
          </div>
          {licence && (
            <div>
              <dt>{t("municipality.by")}</dt>
              <dd>
                <Link href={`/licenties/${idPath(licence.id)}`} className="utrecht-link utrecht-link--html-a">
                  {t("municipality.byText", {
                    organisation: licence.organisation.name,
                    location: licence.location.name,
                    number: licence.number,
                  })}
                </Link>
              </dd>
            </div>
          )}
          <div>
            <dt>{t("municipality.policyInForce")}</dt>
            <dd data-policy-in-force={m.agePolicyInForce?.maxAgeInclusive ?? ""}>
              <PolicyText policy={m.agePolicyInForce} full />
            </dd>
          </div>
        </dl>
        {m.homeStart.reasons.length > 0 && (
          <ul className="utrecht-unordered-list hs-reasons">
            {m.homeStart.reasons.map((r) => (
              <li key={r.code} className="utrecht-unordered-list__item">
                {localized(r.message)}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section className="hs-section" aria-labelledby="municipality-policies">
        <Heading level={2} id="municipality-policies">
          {t("municipality.policies")}
        </Heading>
        {m.agePolicies.length === 0 ? (
          <p>{t("municipality.policiesEmpty")}</p>
        ) : (
          <div className="hs-table-wrap">
            <table className="utrecht-table utrecht-table--html-table hs-table" data-policies>
              <caption className="utrecht-table__caption hs-table__caption">{t("municipality.policiesCaption")}</caption>
              <TableHead
                columns={[
                  t("municipality.col.from"),
                  t("municipality.col.until"),
                  t("municipality.col.ages"),
                  t("municipality.col.pregnancy"),
                  t("municipality.col.note"),
                ]}
              />
              <tbody className="utrecht-table__body">
                {m.agePolicies.map((p) => (
                  <tr key={p.id} className="utrecht-table__row" data-valid-from={p.validFrom} data-max-age={p.maxAgeInclusive}>
                    <td className="utrecht-table__cell">{format.date(p.validFrom, "short")}</td>
                    <td className="utrecht-table__cell" data-valid-until={p.validUntil ?? ""}>
                      {p.validUntil ? format.date(p.validUntil, "short") : t("municipality.open")}
                    </td>
                    <td className="utrecht-table__cell">
                      <PolicyText policy={p} />
                    </td>
                    <td className="utrecht-table__cell">{p.pregnancyWeeksFrom}</td>
                    <td className="utrecht-table__cell">{p.note ?? ""}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <PolicyForm municipalityId={m.id} onDone={() => after(t("municipality.policySaved"))} />
      </section>

      <section className="hs-section" aria-labelledby="municipality-decisions">
        <Heading level={2} id="municipality-decisions">
          {t("municipality.decisions")}
        </Heading>
        {m.municipalDecisions.length === 0 ? (
          <p>{t("municipality.decisionsEmpty")}</p>
        ) : (
          <div className="hs-table-wrap">
            <table className="utrecht-table utrecht-table--html-table hs-table" data-decisions>
              <caption className="utrecht-table__caption hs-table__caption">{t("municipality.decisionsCaption")}</caption>
              <TableHead
                columns={[
                  t("municipality.col.reference"),
                  t("municipality.col.organisation"),
                  t("municipality.col.decidedOn"),
                  t("municipality.col.effective"),
                  t("municipality.col.apply"),
                ]}
              />
              <tbody className="utrecht-table__body">
                {m.municipalDecisions.map((d) => (
                  <tr key={d.id} className="utrecht-table__row" data-decision={d.reference}>
                    <th scope="row" className="utrecht-table__header-cell hs-table__row-header">
                      {d.reference}
                    </th>
                    <td className="utrecht-table__cell">{d.organisation.name}</td>
                    <td className="utrecht-table__cell">{format.date(d.decidedOn, "short")}</td>
                    <td className="utrecht-table__cell">
                      <Period from={d.effectiveFrom} until={d.effectiveUntil} />
                    </td>
                    <td className="utrecht-table__cell">
                      <Link
                        href={`/licenties/aanvragen?organisatie=${idPath(d.organisation.id)}&besluit=${idPath(d.id)}`}
                        className="utrecht-link utrecht-link--html-a"
                        aria-label={t("municipality.applyLabel", { reference: d.reference })}
                      >
                        {t("municipality.apply")}
                      </Link>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <DecisionForm municipalityId={m.id} organisations={organisations} onDone={() => after(t("municipality.decisionSaved"))} />
      </section>

      <section className="hs-section" aria-labelledby="municipality-licences">
        <Heading level={2} id="municipality-licences">
          {t("municipality.licences")}
        </Heading>
        {m.licences.length === 0 ? (
          <p>{t("municipality.licencesEmpty")}</p>
        ) : (
          <ul className="hs-list-plain">
            {m.licences.map((l) => (
              <li key={l.id}>
                <Link href={`/licenties/${idPath(l.id)}`} className="utrecht-link utrecht-link--html-a">
                  {l.number}
                </Link>{" "}
                – {l.location.name} – <span className={licenceBadgeClass(l.status)}>{label(t, "licenceStatus", l.status)}</span> –{" "}
                <Period from={l.validFrom} until={l.validUntil} />
              </li>
            ))}
          </ul>
        )}
      </section>
    </article>
  );
}

function PolicyForm({ municipalityId, onDone }: { municipalityId: string; onDone: () => void }) {
  const t = useAppT();
  const localized = useLocalized();
  const [validFrom, setValidFrom] = useState("");
  const [maxAge, setMaxAge] = useState("17");
  const [weeks, setWeeks] = useState("");
  const [note, setNote] = useState("");
  const [problem, setProblem] = useState<Problem | null>(null);
  const { run, busy } = useRefusableMutation(SetAgePolicyMutation, (d) => d.setAgePolicy);
  const error = (field: string) => fieldError(problem, field, localized);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const outcome = await run({
      input: {
        municipalityId,
        validFrom,
        maxAgeInclusive: Number(maxAge),
        pregnancyWeeksFrom: weeks.trim() === "" ? null : Number(weeks),
        note: note.trim() || null,
      },
    });
    if (!outcome) return;
    if (outcome.kind === "ok") {
      setProblem(null);
      setValidFrom("");
      setNote("");
      return onDone();
    }
    setProblem(outcome.kind === "refused" ? { refusal: outcome.refusal } : { failure: outcome.reason });
  };
  return (
    <form className="hs-form hs-box" noValidate onSubmit={submit} aria-busy={busy || undefined} aria-labelledby="policy-form">
      <Heading level={3} id="policy-form">
        {t("municipality.setPolicy")}
      </Heading>
      <p>{t("municipality.setPolicyLead")}</p>
      <FormProblem problem={problem} />
      <DateField label={t("municipality.validFrom")} value={validFrom} onChange={setValidFrom} error={error("validFrom")} />
      <SelectField
        label={t("municipality.maxAge")}
        value={maxAge}
        onChange={(e) => setMaxAge(e.target.value)}
        options={AGE_CHOICES.map((a) => ({ value: a, label: t("policy.range", { max: a }) }))}
      />
      {error("maxAgeInclusive") && <p className="hs-field__error">{error("maxAgeInclusive")}</p>}
      <TextField
        label={t("municipality.pregnancyWeeks")}
        description={t("municipality.pregnancyWeeksHint")}
        inputMode="numeric"
        value={weeks}
        onChange={(e) => setWeeks(e.target.value)}
        error={error("pregnancyWeeksFrom")}
      />
      <TextAreaField label={t("municipality.note")} value={note} onChange={(e) => setNote(e.target.value)} error={error("note")} rows={2} />
      <div className="hs-form__actions">
        <Button type="submit" appearance="primary" busy={busy}>
          {t("municipality.policySubmit")}
        </Button>
      </div>
    </form>
  );
}

function DecisionForm({
  municipalityId,
  organisations,
  onDone,
}: {
  municipalityId: string;
  organisations: Organisation[];
  onDone: () => void;
}) {
  const t = useAppT();
  const localized = useLocalized();
  const [organisationId, setOrganisationId] = useState("");
  const [reference, setReference] = useState("");
  const [decidedOn, setDecidedOn] = useState("");
  const [effectiveFrom, setEffectiveFrom] = useState("");
  const [effectiveUntil, setEffectiveUntil] = useState("");
  const [note, setNote] = useState("");
  const [problem, setProblem] = useState<Problem | null>(null);
  const { run, busy } = useRefusableMutation(RecordMunicipalDecisionMutation, (d) => d.recordMunicipalDecision);
  const error = (field: string) => fieldError(problem, field, localized);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const outcome = await run({
      input: {
        municipalityId,
        organisationId,
        reference,
        decidedOn,
        effectiveFrom,
        effectiveUntil: effectiveUntil || null,
        note: note.trim() || null,
      },
    });
    if (!outcome) return;
    if (outcome.kind === "ok") {
      setProblem(null);
      setReference("");
      setNote("");
      return onDone();
    }
    setProblem(outcome.kind === "refused" ? { refusal: outcome.refusal } : { failure: outcome.reason });
  };
  return (
    <form className="hs-form hs-box" noValidate onSubmit={submit} aria-busy={busy || undefined} aria-labelledby="decision-form">
      <Heading level={3} id="decision-form">
        {t("municipality.recordDecision")}
      </Heading>
      <FormProblem problem={problem} />
      <SelectField
        label={t("municipality.organisation")}
        value={organisationId}
        onChange={(e) => setOrganisationId(e.target.value)}
        options={[
          { value: "", label: t("municipality.chooseOrganisation") },
          ...organisations.map((o) => ({ value: o.id, label: o.name })),
        ]}
      />
      {error("organisationId") && <p className="hs-field__error">{error("organisationId")}</p>}
      <TextField
        label={t("municipality.reference")}
        value={reference}
        onChange={(e) => setReference(e.target.value)}
        error={error("reference")}
      />
      <DateField label={t("municipality.decidedOn")} value={decidedOn} onChange={setDecidedOn} error={error("decidedOn")} />
      <DateField label={t("municipality.effectiveFrom")} value={effectiveFrom} onChange={setEffectiveFrom} error={error("effectiveFrom")} />
      <DateField
        label={t("municipality.effectiveUntil")}
        description={t("municipality.effectiveUntilHint")}
        value={effectiveUntil}
        onChange={setEffectiveUntil}
        error={error("effectiveUntil")}
      />
      <TextAreaField label={t("municipality.note")} value={note} onChange={(e) => setNote(e.target.value)} error={error("note")} rows={2} />
      <div className="hs-form__actions">
        <Button type="submit" appearance="primary" busy={busy}>
          {t("municipality.decisionSubmit")}
        </Button>
      </div>
    </form>
  );
}
