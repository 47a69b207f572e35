import {
  Alert,
  Button,
  DateField,
  FormProblem,
  fieldError,
  Heading,
  type Problem,
  RecordPage,
  TableHead,
  TextAreaField,
  useFormat,
  useLocale,
  useLocalized,
  usePageTitle,
  useRefusableMutation,
} from "@homestart/ui";
import { type FormEvent, useState } from "react";
import { useQuery } from "urql";
import { Link } from "wouter";
import type { VolunteerDetailQuery } from "../../gql/graphql.ts";
import { graphql } from "../../gql/index.ts";
import { useAppT } from "../../i18n.ts";
import { label, parentNames } from "../../labels.ts";
import { todayIso } from "../visits/dates.ts";
import { languageName, slotLabel, statusBadge } from "./labels.ts";
import "../visits/work.css";

const VolunteerDetailQueryDocument = graphql(`
  query VolunteerDetail($id: ID!) {
    volunteer(id: $id) {
      id
      version
      firstName
      lastName
      email
      phone
      postcode
      status
      vogIssuedOn
      trainingCompletedOn
      languages
      availability
      experienceAgeGroups
      maxFamilies
      municipality {
        id
        name
      }
      readiness {
        on
        ready
        openMatches
        vogExpiresOn
        trainingExpiresOn
        reasons {
          code
          message {
            nl
            en
          }
        }
      }
      currentMatches {
        id
        startOn
        endOn
        family {
          id
          parents {
            firstName
            lastName
          }
        }
      }
      supervisionMeetings {
        id
        heldOn
        heldByName
        note
      }
    }
  }
`);

const RecordSupervisionMutation = graphql(`
  mutation RecordSupervisionMeeting($input: RecordSupervisionMeetingInput!) {
    recordSupervisionMeeting(input: $input) {
      __typename
      ... on RecordSupervisionMeetingSuccess {
        supervisionMeeting {
          id
          heldOn
        }
      }
      ... on Refusal {
        code
        field
        message {
          nl
          en
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

type Volunteer = NonNullable<VolunteerDetailQuery["volunteer"]>;

/** A volunteer's page: screening and training with expiry, readiness with reasons, matches, supervision. */
export function VolunteerPage({ id }: { id: string }) {
  const t = useAppT();
  const [answer, reexecute] = useQuery({ query: VolunteerDetailQueryDocument, variables: { id } });
  const refresh = () => reexecute({ requestPolicy: "network-only" });
  return (
    <RecordPage
      back={{ href: "/vrijwilligers", label: t("volunteer.back") }}
      result={answer}
      retry={refresh}
      record={(data) => data.volunteer}
      notFound={{ title: t("volunteer.notFoundTitle"), text: t("volunteer.notFoundText") }}
    >
      {(volunteer) => <VolunteerView volunteer={volunteer} refresh={refresh} />}
    </RecordPage>
  );
}

function VolunteerView({ volunteer: v, refresh }: { volunteer: Volunteer; refresh: () => void }) {
  const t = useAppT();
  const format = useFormat();
  const localized = useLocalized();
  const { locale } = useLocale();
  const name = `${v.firstName} ${v.lastName}`;
  usePageTitle(name);
  const date = (value: string | null | undefined, empty: string) => (value ? format.date(value, "long") : empty);
  const list = (items: readonly string[]) => (items.length > 0 ? items.join(", ") : t("volunteer.none"));
  const r = v.readiness;
  return (
    <article className="hs-family" aria-labelledby="volunteer-title">
      <div className="hs-page-head">
        <Heading level={1} id="volunteer-title">
          {name}
        </Heading>
        <p>
          <span className={statusBadge(v.status)}>{label(t, "vStatus", v.status)}</span>
        </p>
        <p>
          <Link href={`/vrijwilligers/${encodeURIComponent(v.id)}/wijzigen`} className="utrecht-link utrecht-link--html-a hs-strong-link">
            {t("volunteer.edit")}
          </Link>
        </p>
      </div>

      <section className="hs-section" aria-labelledby="volunteer-readiness">
        <Heading level={2} id="volunteer-readiness">
          {t("volunteer.readiness")}
        </Heading>
        <Alert type={r.ready ? "ok" : "warning"} title={r.ready ? t("volunteer.ready") : t("volunteer.notReady")}>
          <p>{t("volunteer.openMatches", { count: r.openMatches, max: v.maxFamilies })}</p>
          {r.reasons.length > 0 && (
            <ul className="hs-reasons">
              {r.reasons.map((reason) => (
                <li key={`${reason.code}-${reason.message.nl}`} data-reason={reason.code}>
                  {localized(reason.message)}
                </li>
              ))}
            </ul>
          )}
        </Alert>
      </section>

      <div className="hs-family__grid">
        <section className="hs-box" aria-labelledby="volunteer-screening">
          <Heading level={2} id="volunteer-screening">
            {t("volunteer.screening")}
          </Heading>
          <dl className="hs-facts">
            <div>
              <dt>{t("volunteer.vogIssuedOn")}</dt>
              <dd>{date(v.vogIssuedOn, t("volunteer.notRecorded"))}</dd>
            </div>
            <div>
              <dt>{t("volunteer.vogExpiresOn")}</dt>
              <dd data-vog-expires>{date(r.vogExpiresOn, t("volunteer.notRecorded"))}</dd>
            </div>
            <div>
              <dt>{t("volunteer.trainingCompletedOn")}</dt>
              <dd>{date(v.trainingCompletedOn, t("volunteer.notRecorded"))}</dd>
            </div>
            <div>
              <dt>{t("volunteer.trainingExpiresOn")}</dt>
              <dd>{v.trainingCompletedOn ? date(r.trainingExpiresOn, t("volunteer.noExpiry")) : t("volunteer.notRecorded")}</dd>
            </div>
          </dl>
        </section>
        <section className="hs-box" aria-labelledby="volunteer-details">
          <Heading level={2} id="volunteer-details">
            {t("volunteer.details")}
          </Heading>
          <dl className="hs-facts">
            <div>
              <dt>{t("volunteer.email")}</dt>
              <dd>{v.email ?? t("volunteer.notRecorded")}</dd>
            </div>
            <div>
              <dt>{t("volunteer.phone")}</dt>
              <dd>{v.phone ?? t("volunteer.notRecorded")}</dd>
            </div>
            <div>
              <dt>{t("volunteer.postcode")}</dt>
              <dd>{v.postcode ?? t("volunteer.notRecorded")}</dd>
            </div>
            <div>
              <dt>{t("volunteer.municipality")}</dt>
              <dd>{v.municipality?.name ?? t("volunteer.notRecorded")}</dd>
            </div>
            <div>
              <dt>{t("volunteer.languages")}</dt>
              <dd>{list(v.languages.map((code) => languageName(code, locale)))}</dd>
            </div>
            <div>
              <dt>{t("volunteer.availability")}</dt>
              <dd>{list(v.availability.map((slot) => slotLabel(t, slot)))}</dd>
            </div>
            <div>
              <dt>{t("volunteer.experience")}</dt>
              <dd>{list(v.experienceAgeGroups.map((g) => label(t, "experience", g)))}</dd>
            </div>
            <div>
              <dt>{t("volunteer.maxFamilies")}</dt>
              <dd>{v.maxFamilies}</dd>
            </div>
          </dl>
        </section>
      </div>

      <section className="hs-section" aria-labelledby="volunteer-matches">
        <Heading level={2} id="volunteer-matches">
          {t("volunteer.matches")}
        </Heading>
        {v.currentMatches.length === 0 ? (
          <p>{t("volunteer.noMatches")}</p>
        ) : (
          <ul className="utrecht-unordered-list" data-volunteer-matches>
            {v.currentMatches.map((m) => (
              <li key={m.id} className="utrecht-unordered-list__item">
                <Link href={`/gezinnen/${encodeURIComponent(m.family.id)}`} className="utrecht-link utrecht-link--html-a">
                  {parentNames(m.family.parents) || t("family.unknown")}
                </Link>{" "}
                {t("volunteer.matchSince", { date: format.date(m.startOn, "long") })}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section className="hs-section" aria-labelledby="volunteer-supervision">
        <Heading level={2} id="volunteer-supervision">
          {t("volunteer.supervision")}
        </Heading>
        {v.supervisionMeetings.length === 0 ? (
          <p>{t("volunteer.noSupervision")}</p>
        ) : (
          <div className="hs-table-wrap">
            <table className="utrecht-table utrecht-table--html-table hs-table" data-supervision>
              <caption className="utrecht-table__caption hs-table__caption">{t("volunteer.supervisionCaption")}</caption>
              <TableHead columns={[t("volunteer.col.heldOn"), t("volunteer.col.heldBy"), t("volunteer.col.note")]} />
              <tbody className="utrecht-table__body">
                {v.supervisionMeetings.map((m) => (
                  <tr key={m.id} className="utrecht-table__row">
                    <th scope="row" className="utrecht-table__header-cell hs-table__row-header">
                      {format.date(m.heldOn, "long")}
                    </th>
                    <td className="utrecht-table__cell">{m.heldByName ?? "–"}</td>
                    <td className="utrecht-table__cell">{m.note ?? "–"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <SupervisionForm volunteerId={v.id} onSaved={refresh} />
      </section>
    </article>
  );
}

function SupervisionForm({ volunteerId, onSaved }: { volunteerId: string; onSaved: () => void }) {
  const t = useAppT();
  const localized = useLocalized();
  const [heldOn, setHeldOn] = useState(todayIso());
  const [note, setNote] = useState("");
  const [problem, setProblem] = useState<Problem | null>(null);
  const [saved, setSaved] = useState(false);
  const { run, busy } = useRefusableMutation(RecordSupervisionMutation, (d) => d.recordSupervisionMeeting);
  const error = (field: string) => fieldError(problem, field, localized);
  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setSaved(false);
    const outcome = await run({ input: { volunteerId, heldOn, note: note.trim() || null } });
    if (!outcome) return;
    if (outcome.kind === "ok") {
      setProblem(null);
      setNote("");
      setSaved(true);
      onSaved();
      return;
    }
    setProblem(outcome.kind === "refused" ? { refusal: outcome.refusal } : { failure: outcome.reason });
  };
  return (
    <form className="hs-form hs-box" noValidate onSubmit={onSubmit} aria-labelledby="supervision-record" aria-busy={busy || undefined}>
      <Heading level={3} id="supervision-record">
        {t("supervision.record")}
      </Heading>
      <FormProblem problem={problem} />
      <DateField label={t("supervision.heldOn")} value={heldOn} onChange={setHeldOn} error={error("heldOn")} />
      <TextAreaField label={t("supervision.note")} value={note} onChange={(e) => setNote(e.target.value)} error={error("note")} rows={3} />
      <div className="hs-form__actions">
        <Button type="submit" appearance="primary" busy={busy}>
          {busy ? t("form.saving") : t("supervision.submit")}
        </Button>
      </div>
      <p role="status" className="hs-visit-form__saved">
        {saved ? t("supervision.saved") : ""}
      </p>
    </form>
  );
}
