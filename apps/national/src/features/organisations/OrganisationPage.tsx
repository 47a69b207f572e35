import {
  Alert,
  Button,
  FormProblem,
  fieldError,
  Heading,
  type Problem,
  RecordPage,
  TextField,
  useLocalized,
  usePageTitle,
  useRefusableMutation,
} from "@homestart/ui";
import { type FormEvent, useState } from "react";
import { useQuery } from "urql";
import { Link, useLocation } from "wouter";
import type { OrganisationDetailQuery } from "../../gql/graphql.ts";
import { graphql } from "../../gql/index.ts";
import { useAppT } from "../../i18n.ts";
import { idPath } from "../../ids.ts";
import { label, licenceBadgeClass } from "../../labels.ts";
import { Period } from "../licences/Period.tsx";

const OrganisationDetailQueryDocument = graphql(`
  query OrganisationDetail($id: ID!) {
    organisation(id: $id) {
      id
      name
      city
      email
      phone
      version
      locations {
        id
        name
        city
      }
      licences {
        id
        number
        status
        validFrom
        validUntil
        location {
          id
          name
        }
      }
      municipalDecisions {
        id
        reference
        effectiveFrom
        effectiveUntil
        municipality {
          id
          code
          name
        }
      }
    }
  }
`);

const CreateOrganisationMutation = graphql(`
  mutation CreateOrganisation($input: OrganisationInput!) {
    createOrganisation(input: $input) {
      __typename
      ... on CreateOrganisationSuccess {
        organisation {
          id
        }
      }
      ...NationalRefusal
    }
  }
`);

const UpdateOrganisationMutation = graphql(`
  mutation UpdateOrganisation($input: UpdateOrganisationInput!) {
    updateOrganisation(input: $input) {
      __typename
      ... on UpdateOrganisationSuccess {
        organisation {
          id
          version
        }
      }
      ...NationalRefusal
    }
  }
`);

type Organisation = NonNullable<OrganisationDetailQuery["organisation"]>;

export function OrganisationPage({ id }: { id: string }) {
  const t = useAppT();
  const [answer, reexecute] = useQuery({ query: OrganisationDetailQueryDocument, variables: { id } });
  const refetch = () => reexecute({ requestPolicy: "network-only" });
  return (
    <RecordPage
      back={{ href: "/organisaties", label: t("organisation.back") }}
      result={answer}
      retry={refetch}
      record={(data) => data.organisation}
      notFound={{ title: t("organisation.notFoundTitle"), text: t("organisation.notFoundText") }}
    >
      {(organisation) => <OrganisationView organisation={organisation} refetch={refetch} />}
    </RecordPage>
  );
}

function OrganisationView({ organisation: o, refetch }: { organisation: Organisation; refetch: () => void }) {
  const t = useAppT();
  usePageTitle(o.name);
  return (
    <article aria-labelledby="organisation-title">
      <div className="hs-page-head">
        <Heading level={1} id="organisation-title">
          {o.name}
        </Heading>
      </div>
      <section className="hs-section hs-box" aria-labelledby="organisation-facts">
        <Heading level={2} id="organisation-facts">
          {t("organisation.facts")}
        </Heading>
        <dl className="hs-facts">
          <div>
            <dt>{t("organisation.city")}</dt>
            <dd>{o.city}</dd>
          </div>
          <div>
            <dt>{t("organisation.email")}</dt>
            <dd>{o.email || t("organisation.none")}</dd>
          </div>
          <div>
            <dt>{t("organisation.phone")}</dt>
            <dd>{o.phone || t("organisation.none")}</dd>
          </div>
        </dl>
      </section>
      <section className="hs-section" aria-labelledby="organisation-locations">
        <Heading level={2} id="organisation-locations">
          {t("organisation.locations")}
        </Heading>
        {o.locations.length === 0 ? (
          <p>{t("organisation.noLocations")}</p>
        ) : (
          <ul className="hs-list-plain">
            {o.locations.map((l) => (
              <li key={l.id}>
                <Link href={`/locaties/${idPath(l.id)}`} className="utrecht-link utrecht-link--html-a">
                  {l.name}
                </Link>{" "}
                ({l.city})
              </li>
            ))}
          </ul>
        )}
        <p>
          <Link href={`/locaties/nieuw?organisatie=${idPath(o.id)}`} className="utrecht-link utrecht-link--html-a">
            {t("organisation.newLocation")}
          </Link>
        </p>
      </section>
      <section className="hs-section" aria-labelledby="organisation-licences">
        <Heading level={2} id="organisation-licences">
          {t("organisation.licences")}
        </Heading>
        {o.licences.length === 0 ? (
          <p>{t("organisation.noLicences")}</p>
        ) : (
          <ul className="hs-list-plain">
            {o.licences.map((l) => (
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
      <section className="hs-section" aria-labelledby="organisation-decisions">
        <Heading level={2} id="organisation-decisions">
          {t("organisation.decisions")}
        </Heading>
        {o.municipalDecisions.length === 0 ? (
          <p>{t("organisation.noDecisions")}</p>
        ) : (
          <ul className="hs-list-plain">
            {o.municipalDecisions.map((d) => (
              <li key={d.id}>
                <Link href={`/gemeenten/${d.municipality.code}`} className="utrecht-link utrecht-link--html-a">
                  {t("organisation.decisionText", { reference: d.reference, municipality: d.municipality.name })}
                </Link>{" "}
                – <Period from={d.effectiveFrom} until={d.effectiveUntil} />
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className="hs-section" aria-labelledby="organisation-edit">
        <Heading level={2} id="organisation-edit">
          {t("organisation.edit")}
        </Heading>
        <OrganisationForm organisation={o} onConflict={refetch} />
      </section>
    </article>
  );
}

/** Create (no organisation) or edit (with its version); nothing typed is lost on a refusal. */
export function OrganisationForm({ organisation, onConflict }: { organisation?: Organisation; onConflict?: () => void }) {
  const t = useAppT();
  const localized = useLocalized();
  const [, navigate] = useLocation();
  const [name, setName] = useState(organisation?.name ?? "");
  const [city, setCity] = useState(organisation?.city ?? "");
  const [email, setEmail] = useState(organisation?.email ?? "");
  const [phone, setPhone] = useState(organisation?.phone ?? "");
  const [problem, setProblem] = useState<Problem | null>(null);
  const [saved, setSaved] = useState(false);
  const create = useRefusableMutation(CreateOrganisationMutation, (d) => d.createOrganisation);
  const update = useRefusableMutation(UpdateOrganisationMutation, (d) => d.updateOrganisation);
  const busy = create.busy || update.busy;
  const error = (field: string) => fieldError(problem, field, localized);
  const conflict = problem && "refusal" in problem && problem.refusal.code === "CONFLICT";

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    const fields = { name, city, email: email.trim() || null, phone: phone.trim() || null };
    if (!organisation) {
      const outcome = await create.run({ input: fields });
      if (!outcome) return;
      if (outcome.kind === "ok" && "organisation" in outcome.data) return navigate(`/organisaties/${idPath(outcome.data.organisation.id)}`);
      setProblem(
        outcome.kind === "refused" ? { refusal: outcome.refusal } : outcome.kind === "failed" ? { failure: outcome.reason } : null,
      );
      return;
    }
    const outcome = await update.run({ input: { ...fields, id: organisation.id, version: organisation.version } });
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
      <div className="hs-form__actions">
        <Button type="submit" appearance="primary" busy={busy}>
          {organisation ? t("form.save") : t("organisation.create")}
        </Button>
      </div>
    </form>
  );
}

export function NewOrganisationPage() {
  const t = useAppT();
  usePageTitle(t("organisations.new"));
  return (
    <>
      <p className="hs-back">
        <Link href="/organisaties" className="utrecht-link utrecht-link--html-a hs-back-link">
          <span aria-hidden="true">← </span>
          {t("organisation.back")}
        </Link>
      </p>
      <Heading level={1}>{t("organisations.new")}</Heading>
      <OrganisationForm />
    </>
  );
}
