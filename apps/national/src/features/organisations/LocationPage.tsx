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
  TextField,
  useFormat,
  useLocalized,
  usePageTitle,
  useRefusableMutation,
  useSearchState,
} from "@homestart/ui";
import { type FormEvent, useState } from "react";
import { useQuery } from "urql";
import { Link, useLocation } from "wouter";
import type { LocationDetailQuery } from "../../gql/graphql.ts";
import { graphql } from "../../gql/index.ts";
import { useAppT } from "../../i18n.ts";
import { idPath } from "../../ids.ts";
import { label, licenceBadgeClass, visitatieBadgeClass } from "../../labels.ts";
import { Period } from "../licences/Period.tsx";
import { ServedMunicipalitiesForm } from "./ServedMunicipalitiesForm.tsx";

const LocationDetailQueryDocument = graphql(`
  query LocationDetail($id: ID!) {
    location(id: $id) {
      id
      name
      city
      email
      phone
      startedOn
      closedOn
      version
      organisation {
        id
        name
      }
      coordinators {
        name
        email
        active
      }
      servedMunicipalities {
        servedFrom
        servedUntil
        municipality {
          id
          code
          name
        }
      }
      licences {
        id
        number
        status
        validFrom
        validUntil
      }
      visitatie {
        status
        dueOn
        lastPerformedOn
        plannedOn
      }
    }
  }
`);

const CreateLocationMutation = graphql(`
  mutation CreateLocation($input: CreateLocationInput!) {
    createLocation(input: $input) {
      __typename
      ... on CreateLocationSuccess {
        location {
          id
        }
      }
      ...NationalRefusal
    }
  }
`);

const UpdateLocationMutation = graphql(`
  mutation UpdateLocation($input: UpdateLocationInput!) {
    updateLocation(input: $input) {
      __typename
      ... on UpdateLocationSuccess {
        location {
          id
          version
        }
      }
      ...NationalRefusal
    }
  }
`);

type Location = NonNullable<LocationDetailQuery["location"]>;

export function LocationPage({ id }: { id: string }) {
  const t = useAppT();
  const [answer, reexecute] = useQuery({ query: LocationDetailQueryDocument, variables: { id } });
  const refetch = () => reexecute({ requestPolicy: "network-only" });
  return (
    <RecordPage
      back={{ href: "/locaties", label: t("location.back") }}
      result={answer}
      retry={refetch}
      record={(data) => data.location}
      notFound={{ title: t("location.notFoundTitle"), text: t("location.notFoundText") }}
    >
      {(location) => <LocationView location={location} refetch={refetch} />}
    </RecordPage>
  );
}

function LocationView({ location: l, refetch }: { location: Location; refetch: () => void }) {
  const t = useAppT();
  const format = useFormat();
  usePageTitle(l.name);
  const v = l.visitatie;
  const [done, setDone] = useState<string | null>(null);
  return (
    <article aria-labelledby="location-title">
      <div className="hs-page-head">
        <Heading level={1} id="location-title">
          {l.name}
        </Heading>
      </div>
      {done && (
        <Alert type="ok" role="status">
          <p>{done}</p>
        </Alert>
      )}
      <div className="hs-columns">
        <section className="hs-section hs-box" aria-labelledby="location-facts">
          <Heading level={2} id="location-facts">
            {t("location.facts")}
          </Heading>
          <dl className="hs-facts">
            <div>
              <dt>{t("location.organisation")}</dt>
              <dd>
                <Link href={`/organisaties/${idPath(l.organisation.id)}`} className="utrecht-link utrecht-link--html-a">
                  {l.organisation.name}
                </Link>
              </dd>
            </div>
            <div>
              <dt>{t("organisation.city")}</dt>
              <dd>{l.city}</dd>
            </div>
            <div>
              <dt>{t("organisation.email")}</dt>
              <dd>{l.email || t("organisation.none")}</dd>
            </div>
            <div>
              <dt>{t("organisation.phone")}</dt>
              <dd>{l.phone || t("organisation.none")}</dd>
            </div>
            <div>
              <dt>{t("location.startedOn")}</dt>
              <dd>{format.date(l.startedOn, "long")}</dd>
            </div>
            {l.closedOn && (
              <div>
                <dt>{t("location.closedOn")}</dt>
                <dd>{format.date(l.closedOn, "long")}</dd>
              </div>
            )}
          </dl>
        </section>
        <section className="hs-section hs-box" aria-labelledby="location-visitatie">
          <Heading level={2} id="location-visitatie">
            {t("location.visitatie")}
          </Heading>
          <p>
            <span className={visitatieBadgeClass(v.status)}>{label(t, "visitatieStatus", v.status)}</span>
          </p>
          <dl className="hs-facts">
            <div>
              <dt>{t("location.lastVisitatie")}</dt>
              <dd>{v.lastPerformedOn ? format.date(v.lastPerformedOn, "long") : t("visitatie.none")}</dd>
            </div>
            <div>
              <dt>{t("location.nextVisitatie")}</dt>
              <dd>
                {v.plannedOn
                  ? t("location.planned", { date: format.date(v.plannedOn, "long") })
                  : t("location.nextDue", { date: format.date(v.dueOn, "long") })}
              </dd>
            </div>
          </dl>
          <p>
            <Link href={`/visitaties/${idPath(l.id)}`} className="utrecht-link utrecht-link--html-a hs-strong-link">
              {t("location.toVisitaties")}
            </Link>
          </p>
        </section>
      </div>
      <section className="hs-section" aria-labelledby="location-coordinators">
        <Heading level={2} id="location-coordinators">
          {t("location.coordinators")}
        </Heading>
        {l.coordinators.length === 0 ? (
          <p>{t("location.noCoordinators")}</p>
        ) : (
          <ul className="hs-list-plain">
            {l.coordinators.map((c) => (
              <li key={c.email}>
                {c.name} –{" "}
                <a className="utrecht-link utrecht-link--html-a" href={`mailto:${c.email}`}>
                  {c.email}
                </a>
                {!c.active && <> ({t("location.inactive")})</>}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className="hs-section" aria-labelledby="location-licence">
        <Heading level={2} id="location-licence">
          {t("location.licence")}
        </Heading>
        {l.licences.length === 0 ? (
          <p>{t("locations.noLicence")}</p>
        ) : (
          <ul className="hs-list-plain">
            {l.licences.map((x) => (
              <li key={x.id}>
                <Link href={`/licenties/${idPath(x.id)}`} className="utrecht-link utrecht-link--html-a">
                  {x.number}
                </Link>{" "}
                – <span className={licenceBadgeClass(x.status)}>{label(t, "licenceStatus", x.status)}</span> –{" "}
                <Period from={x.validFrom} until={x.validUntil} />
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className="hs-section" aria-labelledby="location-municipalities">
        <Heading level={2} id="location-municipalities">
          {t("location.municipalities")}
        </Heading>
        {l.servedMunicipalities.length === 0 ? (
          <p>{t("location.noMunicipalities")}</p>
        ) : (
          <div className="hs-table-wrap">
            <table className="utrecht-table utrecht-table--html-table hs-table">
              <caption className="utrecht-table__caption hs-table__caption">{t("location.municipalitiesCaption")}</caption>
              <TableHead columns={[t("location.col.municipality"), t("location.col.from"), t("location.col.until")]} />
              <tbody className="utrecht-table__body">
                {l.servedMunicipalities.map((s) => (
                  <tr key={`${s.municipality.id}-${s.servedFrom}`} className="utrecht-table__row">
                    <th scope="row" className="utrecht-table__header-cell hs-table__row-header">
                      <Link href={`/gemeenten/${s.municipality.code}`} className="utrecht-link utrecht-link--html-a">
                        {s.municipality.name}
                      </Link>
                    </th>
                    <td className="utrecht-table__cell">{format.date(s.servedFrom, "short")}</td>
                    <td className="utrecht-table__cell">{s.servedUntil ? format.date(s.servedUntil, "short") : t("location.ongoing")}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <ServedMunicipalitiesForm
          locationId={l.id}
          version={l.version}
          served={l.servedMunicipalities}
          onDone={(message) => {
            setDone(message);
            refetch();
          }}
        />
      </section>
      <section className="hs-section" aria-labelledby="location-edit">
        <Heading level={2} id="location-edit">
          {t("location.edit")}
        </Heading>
        <LocationForm organisationId={l.organisation.id} location={l} onConflict={refetch} />
      </section>
    </article>
  );
}

function LocationForm({ organisationId, location, onConflict }: { organisationId: string; location?: Location; onConflict?: () => void }) {
  const t = useAppT();
  const localized = useLocalized();
  const [, navigate] = useLocation();
  const [name, setName] = useState(location?.name ?? "");
  const [city, setCity] = useState(location?.city ?? "");
  const [email, setEmail] = useState(location?.email ?? "");
  const [phone, setPhone] = useState(location?.phone ?? "");
  const [startedOn, setStartedOn] = useState(location?.startedOn ?? "");
  const [closedOn, setClosedOn] = useState(location?.closedOn ?? "");
  const [problem, setProblem] = useState<Problem | null>(null);
  const [saved, setSaved] = useState(false);
  const create = useRefusableMutation(CreateLocationMutation, (d) => d.createLocation);
  const update = useRefusableMutation(UpdateLocationMutation, (d) => d.updateLocation);
  const busy = create.busy || update.busy;
  const error = (field: string) => fieldError(problem, field, localized);
  const conflict = problem && "refusal" in problem && problem.refusal.code === "CONFLICT";

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    const fields = { name, city, startedOn, email: email.trim() || null, phone: phone.trim() || null };
    if (!location) {
      const outcome = await create.run({ input: { ...fields, organisationId } });
      if (!outcome) return;
      if (outcome.kind === "ok" && "location" in outcome.data) return navigate(`/locaties/${idPath(outcome.data.location.id)}`);
      setProblem(
        outcome.kind === "refused" ? { refusal: outcome.refusal } : outcome.kind === "failed" ? { failure: outcome.reason } : null,
      );
      return;
    }
    const outcome = await update.run({ input: { ...fields, id: location.id, version: location.version, closedOn: closedOn || null } });
    if (!outcome) return;
    if (outcome.kind === "ok") {
      setProblem(null);
      setSaved(true);
      return;
    }
    if (outcome.kind === "refused" && outcome.refusal.code === "CONFLICT") onConflict?.();
    setProblem(outcome.kind === "refused" ? { refusal: outcome.refusal } : { failure: outcome.reason });
  };

  return (
    <form className="hs-form" noValidate onSubmit={submit} aria-busy={busy || undefined}>
      <FormProblem problem={problem} title={conflict ? t("organisation.conflict") : undefined} />
      {saved && (
        <Alert type="ok" role="status">
          <p>{t("organisation.saved")}</p>
        </Alert>
      )}
      <TextField label={t("organisation.name")} value={name} onChange={(e) => setName(e.target.value)} error={error("name")} />
      <TextField label={t("organisation.city")} value={city} onChange={(e) => setCity(e.target.value)} error={error("city")} />
      <TextField
        label={t("organisation.email")}
        type="email"
        value={email}
        onChange={(e) => setEmail(e.target.value)}
        error={error("email")}
      />
      <TextField
        label={t("organisation.phone")}
        type="tel"
        value={phone}
        onChange={(e) => setPhone(e.target.value)}
        error={error("phone")}
      />
      <DateField label={t("location.startedOn")} value={startedOn} onChange={setStartedOn} error={error("startedOn")} />
      {location && (
        <DateField
          label={t("location.closedOn")}
          description={t("location.closedOnHint")}
          value={closedOn}
          onChange={setClosedOn}
          error={error("closedOn")}
        />
      )}
      <div className="hs-form__actions">
        <Button type="submit" appearance="primary" busy={busy}>
          {location ? t("form.save") : t("location.create")}
        </Button>
      </div>
    </form>
  );
}

/** Nieuwe locatie (?organisatie=): the organisation's name in the title. */
export function NewLocationPage() {
  const t = useAppT();
  const [params] = useSearchState();
  const organisationId = params.get("organisatie") ?? "";
  usePageTitle(t("organisation.newLocation"));
  return (
    <>
      <p className="hs-back">
        <Link
          href={organisationId ? `/organisaties/${idPath(organisationId)}` : "/organisaties"}
          className="utrecht-link utrecht-link--html-a hs-back-link"
        >
          <span aria-hidden="true">← </span>
          {t("organisation.back")}
        </Link>
      </p>
      <Heading level={1}>{t("organisation.newLocation")}</Heading>
      <LocationForm organisationId={organisationId} />
    </>
  );
}
