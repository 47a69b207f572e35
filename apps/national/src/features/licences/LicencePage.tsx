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
  useLocale,
  useLocalized,
  usePageTitle,
  useRefusableMutation,
} from "@homestart/ui";
import { type FormEvent, useState } from "react";
import { useQuery } from "urql";
import { Link } from "wouter";
import type { FeePaymentStatus, LicenceDetailQuery, LicenceStatus } from "../../gql/graphql.ts";
import { graphql } from "../../gql/index.ts";
import { useAppT } from "../../i18n.ts";
import { idPath } from "../../ids.ts";
import { type AppKey, euros, label, licenceBadgeClass } from "../../labels.ts";
import { Period } from "./Period.tsx";

const LicenceDetailQueryDocument = graphql(`
  query LicenceDetail($id: ID!) {
    licence(id: $id) {
      ...LicenceDetailFields
    }
  }
`);

graphql(`
  fragment LicenceDetailFields on Licence {
    id
    number
    status
    version
    allowedTransitions
    appliedOn
    grantedOn
    validFrom
    validUntil
    conditions
    qualityStandards
    annualFeeCents
    feePaymentStatus
    organisation {
      id
      name
    }
    location {
      id
      name
    }
    municipalities {
      id
      code
      name
    }
    municipalDecision {
      id
      reference
      decidedOn
      municipality {
        id
        name
      }
    }
    expiryWarnings {
      code
      daysLeft
      message {
        nl
        en
      }
    }
    statusHistory {
      at
      byName
      effectiveOn
      fromStatus
      toStatus
      reason
    }
  }
`);

const TransitionLicenceMutation = graphql(`
  mutation TransitionLicence($input: TransitionLicenceInput!) {
    transitionLicence(input: $input) {
      __typename
      ... on TransitionLicenceSuccess {
        licence {
          ...LicenceDetailFields
        }
      }
      ...NationalRefusal
    }
  }
`);

const UpdateLicenceTermsMutation = graphql(`
  mutation UpdateLicenceTerms($input: UpdateLicenceTermsInput!) {
    updateLicenceTerms(input: $input) {
      __typename
      ... on UpdateLicenceTermsSuccess {
        licence {
          ...LicenceDetailFields
        }
      }
      ...NationalRefusal
    }
  }
`);

type Licence = NonNullable<LicenceDetailQuery["licence"]>;
const FEE_STATUSES: readonly FeePaymentStatus[] = ["NOT_INVOICED", "INVOICED", "PAID", "OVERDUE"];

/** One licence: its terms, period, history and the steps the API allows from its status. */
export function LicencePage({ id }: { id: string }) {
  const t = useAppT();
  const [answer, reexecute] = useQuery({ query: LicenceDetailQueryDocument, variables: { id } });
  const refetch = () => reexecute({ requestPolicy: "network-only" });
  return (
    <RecordPage
      back={{ href: "/licenties", label: t("licence.back") }}
      result={answer}
      retry={refetch}
      record={(data) => data.licence}
      notFound={{ title: t("licence.notFoundTitle"), text: t("licence.notFoundText") }}
    >
      {(licence) => <LicenceView licence={licence} refetch={refetch} />}
    </RecordPage>
  );
}

/** The button text for a step: ACTIVE from SUSPENDED reads "Heractiveren". */
function transitionLabelKey(from: LicenceStatus, to: LicenceStatus): AppKey {
  if (to === "ACTIVE" && from === "SUSPENDED") return "licence.to.reactivate";
  return `licence.to.${to}` as AppKey;
}

function LicenceView({ licence, refetch }: { licence: Licence; refetch: () => void }) {
  const t = useAppT();
  const format = useFormat();
  const localized = useLocalized();
  const { locale } = useLocale();
  const title = t("licence.title", { number: licence.number });
  usePageTitle(title);
  const [done, setDone] = useState<string | null>(null);

  return (
    <article aria-labelledby="licence-title">
      <div className="hs-page-head">
        <Heading level={1} id="licence-title">
          {title}
        </Heading>
        <p>
          <span className={licenceBadgeClass(licence.status)} data-licence-status={licence.status}>
            {label(t, "licenceStatus", licence.status)}
          </span>
        </p>
      </div>
      {done && (
        <Alert type="ok" role="status">
          <p>{done}</p>
        </Alert>
      )}
      {licence.expiryWarnings.length > 0 && (
        <Alert type="warning" title={t("licence.warnings")}>
          <ul className="utrecht-unordered-list" data-expiry-warnings>
            {licence.expiryWarnings.map((w) => (
              <li key={w.code} className="utrecht-unordered-list__item">
                {localized(w.message)}
              </li>
            ))}
          </ul>
        </Alert>
      )}

      <section className="hs-section hs-box" aria-labelledby="licence-facts">
        <Heading level={2} id="licence-facts">
          {t("licence.facts")}
        </Heading>
        <dl className="hs-facts">
          <div>
            <dt>{t("licence.organisation")}</dt>
            <dd>
              <Link href={`/organisaties/${idPath(licence.organisation.id)}`} className="utrecht-link utrecht-link--html-a">
                {licence.organisation.name}
              </Link>
            </dd>
          </div>
          <div>
            <dt>{t("licence.location")}</dt>
            <dd>
              <Link href={`/locaties/${idPath(licence.location.id)}`} className="utrecht-link utrecht-link--html-a">
                {licence.location.name}
              </Link>
            </dd>
          </div>
          <div>
            <dt>{t("licence.municipalities")}</dt>
            <dd>
              {licence.municipalities.map((m, i) => (
                <span key={m.id}>
                  {i > 0 && ", "}
                  <Link href={`/gemeenten/${m.code}`} className="utrecht-link utrecht-link--html-a">
                    {m.name}
                  </Link>
                </span>
              ))}
            </dd>
          </div>
          <div>
            <dt>{t("licence.decision")}</dt>
            <dd>
              {licence.municipalDecision
                ? t("licence.decisionText", {
                    reference: licence.municipalDecision.reference,
                    municipality: licence.municipalDecision.municipality.name,
                    date: format.date(licence.municipalDecision.decidedOn, "long"),
                  })
                : t("licence.noDecision")}
            </dd>
          </div>
          <div>
            <dt>{t("licence.status")}</dt>
            <dd>{label(t, "licenceStatus", licence.status)}</dd>
          </div>
          <div>
            <dt>{t("licence.period")}</dt>
            <dd>
              <Period from={licence.validFrom} until={licence.validUntil} />
            </dd>
          </div>
          <div>
            <dt>{t("licence.appliedOn")}</dt>
            <dd>{format.date(licence.appliedOn, "long")}</dd>
          </div>
          <div>
            <dt>{t("licence.grantedOn")}</dt>
            <dd>{licence.grantedOn ? format.date(licence.grantedOn, "long") : t("licence.none")}</dd>
          </div>
        </dl>
      </section>

      <section className="hs-section hs-box" aria-labelledby="licence-terms-now">
        <Heading level={2} id="licence-terms-now">
          {t("licence.terms")}
        </Heading>
        <dl className="hs-terms">
          <div>
            <dt>{t("licence.fee")}</dt>
            <dd data-fee>{euros(licence.annualFeeCents, locale)}</dd>
          </div>
          <div>
            <dt>{t("licence.feeStatus")}</dt>
            <dd data-fee-status>{label(t, "fee", licence.feePaymentStatus)}</dd>
          </div>
          <div>
            <dt>{t("licence.conditions")}</dt>
            <dd className="hs-prewrap">{licence.conditions || t("licence.none")}</dd>
          </div>
          <div>
            <dt>{t("licence.qualityStandards")}</dt>
            <dd className="hs-prewrap">{licence.qualityStandards || t("licence.none")}</dd>
          </div>
        </dl>
      </section>

      <TransitionSection
        licence={licence}
        onDone={(status) => setDone(t("licence.transitionDone", { status: label(t, "licenceStatus", status) }))}
      />

      <section className="hs-section" aria-labelledby="licence-history">
        <Heading level={2} id="licence-history">
          {t("licence.history")}
        </Heading>
        <div className="hs-table-wrap">
          <table className="utrecht-table utrecht-table--html-table hs-table" data-history>
            <caption className="utrecht-table__caption hs-table__caption">{t("licence.historyCaption")}</caption>
            <TableHead
              columns={[
                t("licence.col.effectiveOn"),
                t("licence.col.change"),
                t("licence.col.reason"),
                t("licence.col.by"),
                t("licence.col.at"),
              ]}
            />
            <tbody className="utrecht-table__body">
              {licence.statusHistory.map((c) => (
                <tr key={`${c.at}-${c.toStatus}`} className="utrecht-table__row" data-to={c.toStatus}>
                  <td className="utrecht-table__cell">{format.date(c.effectiveOn, "short")}</td>
                  <td className="utrecht-table__cell">
                    {c.fromStatus
                      ? t("licence.change", {
                          from: label(t, "licenceStatus", c.fromStatus),
                          to: label(t, "licenceStatus", c.toStatus),
                        })
                      : t("licence.changeNew", { to: label(t, "licenceStatus", c.toStatus) })}
                  </td>
                  <td className="utrecht-table__cell">{c.reason ?? ""}</td>
                  <td className="utrecht-table__cell">{c.byName ?? t("licence.unknown")}</td>
                  <td className="utrecht-table__cell">{format.dateTime(c.at)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <TermsForm licence={licence} refetch={refetch} />
    </article>
  );
}

/** One button per step in allowedTransitions; the chosen step opens the inputs its mutation takes. */
function TransitionSection({ licence, onDone }: { licence: Licence; onDone: (status: LicenceStatus) => void }) {
  const t = useAppT();
  const localized = useLocalized();
  const [to, setTo] = useState<LicenceStatus | null>(null);
  const [effectiveOn, setEffectiveOn] = useState("");
  const [reason, setReason] = useState("");
  const [validFrom, setValidFrom] = useState("");
  const [validUntil, setValidUntil] = useState("");
  const [problem, setProblem] = useState<Problem | null>(null);
  const { run, busy } = useRefusableMutation(TransitionLicenceMutation, (d) => d.transitionLicence);
  const error = (field: string) => fieldError(problem, field, localized);
  const action = to ? t(transitionLabelKey(licence.status, to)) : "";

  const choose = (next: LicenceStatus) => {
    setTo(next);
    setProblem(null);
  };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!to) return;
    const outcome = await run({
      input: {
        licenceId: licence.id,
        version: licence.version,
        to,
        effectiveOn: effectiveOn || null,
        reason: reason.trim() || null,
        validFrom: to === "ACTIVE" ? validFrom || null : null,
        validUntil: to === "ACTIVE" ? validUntil || null : null,
      },
    });
    if (!outcome) return;
    if (outcome.kind === "ok") {
      setTo(null);
      setProblem(null);
      setEffectiveOn("");
      setReason("");
      setValidFrom("");
      setValidUntil("");
      onDone(to);
      return;
    }
    setProblem(outcome.kind === "refused" ? { refusal: outcome.refusal } : { failure: outcome.reason });
  };

  return (
    <section className="hs-section" aria-labelledby="licence-transitions">
      <Heading level={2} id="licence-transitions">
        {t("licence.transitions")}
      </Heading>
      {licence.allowedTransitions.length === 0 ? (
        <p>{t("licence.noTransitions")}</p>
      ) : (
        <>
          <p>{t("licence.transitionsLead")}</p>
          <div className="hs-toolbar hs-toolbar--plain" data-transitions>
            {licence.allowedTransitions.map((next) => (
              <Button
                key={next}
                appearance={to === next ? "primary" : "secondary"}
                aria-pressed={to === next}
                data-transition={next}
                onClick={() => choose(next)}
              >
                {t(transitionLabelKey(licence.status, next))}
              </Button>
            ))}
          </div>
        </>
      )}
      {to && (
        <form className="hs-form hs-box" noValidate onSubmit={submit} aria-busy={busy || undefined} aria-labelledby="transition-form">
          <Heading level={3} id="transition-form">
            {t("licence.transitionForm", { action })}
          </Heading>
          <FormProblem problem={problem} />
          <DateField
            label={t("licence.effectiveOn")}
            description={t("licence.effectiveOnHint")}
            value={effectiveOn}
            onChange={setEffectiveOn}
            error={error("effectiveOn")}
          />
          {to === "ACTIVE" && (
            <>
              <DateField
                label={t("licence.validFrom")}
                description={t("licence.periodHint")}
                value={validFrom}
                onChange={setValidFrom}
                error={error("validFrom")}
              />
              <DateField label={t("licence.validUntil")} value={validUntil} onChange={setValidUntil} error={error("validUntil")} />
            </>
          )}
          <TextAreaField
            label={t("licence.reason")}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            error={error("reason")}
            rows={2}
          />
          <div className="hs-form__actions">
            <Button type="submit" appearance="primary" busy={busy}>
              {t("licence.confirm", { action })}
            </Button>
            <Button appearance="subtle" onClick={() => setTo(null)}>
              {t("form.cancel")}
            </Button>
          </div>
        </form>
      )}
    </section>
  );
}

/** Euros as typed (1250 / 1.250,50 / 1250.50) to cents; null when it is not an amount. */
function toCents(text: string): number | null {
  const clean = text.trim().replace(/\s|€/g, "");
  if (clean === "") return null;
  const normalised = /,\d{1,2}$/.test(clean) ? clean.replace(/\./g, "").replace(",", ".") : clean.replace(/,/g, "");
  const value = Number(normalised);
  return Number.isFinite(value) ? Math.round(value * 100) : Number.NaN;
}

/** Conditions, standards, fee and payment state, sent with the version the user saw. */
function TermsForm({ licence, refetch }: { licence: Licence; refetch: () => void }) {
  const t = useAppT();
  const localized = useLocalized();
  const [conditions, setConditions] = useState(licence.conditions);
  const [qualityStandards, setQualityStandards] = useState(licence.qualityStandards);
  const [fee, setFee] = useState(String(licence.annualFeeCents / 100).replace(".", ","));
  const [feePaymentStatus, setFeePaymentStatus] = useState<FeePaymentStatus>(licence.feePaymentStatus);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [saved, setSaved] = useState(false);
  const { run, busy } = useRefusableMutation(UpdateLicenceTermsMutation, (d) => d.updateLicenceTerms);
  const error = (field: string) => fieldError(problem, field, localized);
  const conflict = problem && "refusal" in problem && problem.refusal.code === "CONFLICT";

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    const cents = toCents(fee);
    const outcome = await run({
      input: {
        licenceId: licence.id,
        // The version on screen: after someone else's change the refetched licence brings the new one.
        version: licence.version,
        conditions,
        qualityStandards,
        feePaymentStatus,
        // NaN goes to the API as null would be silent; send -1 so the API refuses it at the field.
        annualFeeCents: cents === null ? null : Number.isNaN(cents) ? -1 : cents,
      },
    });
    if (!outcome) return;
    if (outcome.kind === "ok") {
      setProblem(null);
      setSaved(true);
      return;
    }
    if (outcome.kind === "refused" && outcome.refusal.code === "CONFLICT") {
      // Show the newest licence above; keep what was typed and take the new version for the next save.
      refetch();
    }
    setProblem(outcome.kind === "refused" ? { refusal: outcome.refusal } : { failure: outcome.reason });
  };

  return (
    <section className="hs-section" aria-labelledby="licence-terms">
      <Heading level={2} id="licence-terms">
        {t("licence.editTerms")}
      </Heading>
      <form className="hs-form" noValidate onSubmit={submit} aria-busy={busy || undefined}>
        <FormProblem problem={problem} title={conflict ? t("licence.conflict") : undefined} />
        {saved && (
          <Alert type="ok" role="status">
            <p>{t("licence.termsSaved")}</p>
          </Alert>
        )}
        <TextAreaField
          label={t("licence.conditions")}
          value={conditions}
          onChange={(e) => setConditions(e.target.value)}
          error={error("conditions")}
        />
        <TextAreaField
          label={t("licence.qualityStandards")}
          value={qualityStandards}
          onChange={(e) => setQualityStandards(e.target.value)}
          error={error("qualityStandards")}
        />
        <TextField
          label={t("licence.feeEuros")}
          description={t("licence.feeHint")}
          inputMode="decimal"
          value={fee}
          onChange={(e) => setFee(e.target.value)}
          error={error("annualFeeCents")}
        />
        <SelectField
          label={t("licence.feeStatus")}
          value={feePaymentStatus}
          onChange={(e) => setFeePaymentStatus(e.target.value as FeePaymentStatus)}
          options={FEE_STATUSES.map((s) => ({ value: s, label: label(t, "fee", s) }))}
        />
        {error("feePaymentStatus") && <p className="hs-field__error">{error("feePaymentStatus")}</p>}
        <div className="hs-form__actions">
          <Button type="submit" appearance="primary" busy={busy}>
            {t("form.save")}
          </Button>
        </div>
      </form>
    </section>
  );
}
