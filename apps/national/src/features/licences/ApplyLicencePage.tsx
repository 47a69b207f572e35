import {
  Button,
  ChoiceGroup,
  DateField,
  EmptyState,
  FormProblem,
  fieldError,
  Heading,
  type Problem,
  QueryView,
  SelectField,
  TextAreaField,
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
import type { ApplyOrganisationQuery } from "../../gql/graphql.ts";
import { graphql } from "../../gql/index.ts";
import { useAppT } from "../../i18n.ts";
import { idPath } from "../../ids.ts";

const ApplyOrganisationQueryDocument = graphql(`
  query ApplyOrganisation($id: ID!) {
    organisation(id: $id) {
      id
      name
      locations {
        id
        name
      }
      municipalDecisions {
        id
        reference
        effectiveFrom
        effectiveUntil
        municipality {
          id
          name
        }
      }
    }
  }
`);

const ApplyForLicenceMutation = graphql(`
  mutation ApplyForLicence($input: ApplyForLicenceInput!) {
    applyForLicence(input: $input) {
      __typename
      ... on ApplyForLicenceSuccess {
        licence {
          id
        }
      }
      ...NationalRefusal
    }
  }
`);

/** Licentie aanvragen, from a municipal decision (?organisatie=&besluit=): the API checks the decisions. */
export function ApplyLicencePage() {
  const t = useAppT();
  usePageTitle(t("apply.title"));
  const [params] = useSearchState();
  const organisationId = params.get("organisatie") ?? "";
  const decisionId = params.get("besluit") ?? "";
  const [answer, reexecute] = useQuery({
    query: ApplyOrganisationQueryDocument,
    variables: { id: organisationId },
    pause: organisationId === "",
  });
  return (
    <>
      <p className="hs-back">
        <Link href="/licenties" className="utrecht-link utrecht-link--html-a hs-back-link">
          <span aria-hidden="true">← </span>
          {t("licence.back")}
        </Link>
      </p>
      <Heading level={1}>{t("apply.title")}</Heading>
      <p className="utrecht-paragraph">{t("apply.lead")}</p>
      {organisationId === "" ? (
        <NoOrganisation />
      ) : (
        <QueryView result={answer} retry={() => reexecute({ requestPolicy: "network-only" })}>
          {(data) => (data.organisation ? <ApplyForm organisation={data.organisation} decisionId={decisionId} /> : <NoOrganisation />)}
        </QueryView>
      )}
    </>
  );
}

function NoOrganisation() {
  const t = useAppT();
  return (
    <EmptyState title={t("apply.title")} icon="chart" headingLevel={2}>
      <p>{t("apply.noOrganisation")}</p>
      <p>
        <Link href="/gemeenten" className="utrecht-link utrecht-link--html-a">
          {t("licences.applyFromMunicipality")}
        </Link>
      </p>
    </EmptyState>
  );
}

type Organisation = NonNullable<ApplyOrganisationQuery["organisation"]>;

function ApplyForm({ organisation, decisionId }: { organisation: Organisation; decisionId: string }) {
  const t = useAppT();
  const format = useFormat();
  const localized = useLocalized();
  const [, navigate] = useLocation();
  const decision = organisation.municipalDecisions.find((d) => d.id === decisionId);
  const [locationId, setLocationId] = useState(organisation.locations.length === 1 ? (organisation.locations[0]?.id ?? "") : "");
  const [municipalityIds, setMunicipalityIds] = useState<string[]>(decision ? [decision.municipality.id] : []);
  const [appliedOn, setAppliedOn] = useState("");
  const [conditions, setConditions] = useState("");
  const [qualityStandards, setQualityStandards] = useState("");
  const [fee, setFee] = useState("");
  const [problem, setProblem] = useState<Problem | null>(null);
  const { run, busy } = useRefusableMutation(ApplyForLicenceMutation, (d) => d.applyForLicence);
  const error = (field: string) => fieldError(problem, field, localized);

  // One choice per municipality: its newest decision for this organisation says from when.
  const municipalities = new Map<string, { id: string; label: string }>();
  for (const d of organisation.municipalDecisions) {
    if (municipalities.has(d.municipality.id)) continue;
    municipalities.set(d.municipality.id, {
      id: d.municipality.id,
      label: t("apply.decisionLabel", {
        municipality: d.municipality.name,
        reference: d.reference,
        from: format.date(d.effectiveFrom, "short"),
      }),
    });
  }

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const cents = fee.trim() === "" ? null : Math.round(Number(fee.replace(/\./g, "").replace(",", ".")) * 100);
    const outcome = await run({
      input: {
        organisationId: organisation.id,
        locationId,
        municipalityIds,
        appliedOn: appliedOn || null,
        conditions: conditions || null,
        qualityStandards: qualityStandards || null,
        annualFeeCents: cents === null || Number.isNaN(cents) ? null : cents,
      },
    });
    if (!outcome) return;
    if (outcome.kind === "ok" && "licence" in outcome.data) {
      navigate(`/licenties/${idPath(outcome.data.licence.id)}`);
      return;
    }
    setProblem(outcome.kind === "refused" ? { refusal: outcome.refusal } : outcome.kind === "failed" ? { failure: outcome.reason } : null);
  };

  if (organisation.locations.length === 0) {
    return (
      <EmptyState title={organisation.name} icon="chart" headingLevel={2}>
        <p>{t("apply.noLocations")}</p>
      </EmptyState>
    );
  }
  return (
    <form className="hs-form" noValidate onSubmit={submit} aria-busy={busy || undefined}>
      <FormProblem problem={problem} />
      <dl className="hs-facts">
        <div>
          <dt>{t("apply.organisation")}</dt>
          <dd>{organisation.name}</dd>
        </div>
      </dl>
      <SelectField
        label={t("apply.location")}
        value={locationId}
        onChange={(e) => setLocationId(e.target.value)}
        options={[{ value: "", label: t("apply.chooseLocation") }, ...organisation.locations.map((l) => ({ value: l.id, label: l.name }))]}
      />
      {error("locationId") && <p className="hs-field__error">{error("locationId")}</p>}
      <ChoiceGroup
        legend={t("apply.municipalities")}
        description={t("apply.municipalitiesHint")}
        mode="multiple"
        value={municipalityIds}
        onChange={setMunicipalityIds}
        options={[...municipalities.values()].map((m) => ({ value: m.id, label: m.label }))}
        error={error("municipalityIds")}
      />
      <DateField
        label={t("apply.appliedOn")}
        description={t("licence.effectiveOnHint")}
        value={appliedOn}
        onChange={setAppliedOn}
        error={error("appliedOn")}
      />
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
      <div className="hs-form__actions">
        <Button type="submit" appearance="primary" busy={busy}>
          {t("apply.submit")}
        </Button>
      </div>
    </form>
  );
}
