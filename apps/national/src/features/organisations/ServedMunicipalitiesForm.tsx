import {
  Button,
  DateField,
  FormProblem,
  fieldError,
  Heading,
  type Problem,
  SelectField,
  TextField,
  useLocalized,
  useRefusableMutation,
} from "@homestart/ui";
import { type FormEvent, useState } from "react";
import { useQuery } from "urql";
import { graphql } from "../../gql/index.ts";
import { useAppT } from "../../i18n.ts";

const MunicipalitySearchQuery = graphql(`
  query ServeMunicipalitySearch($search: String!) {
    municipalities(search: $search, first: 20) {
      edges {
        node {
          id
          code
          name
        }
      }
    }
  }
`);

const SetLocationMunicipalitiesMutation = graphql(`
  mutation SetLocationMunicipalities($input: SetLocationMunicipalitiesInput!) {
    setLocationMunicipalities(input: $input) {
      __typename
      ... on SetLocationMunicipalitiesSuccess {
        location {
          id
          version
        }
      }
      ...NationalRefusal
    }
  }
`);

interface Served {
  servedUntil?: string | null;
  municipality: { id: string; name: string };
}

/** Start serving a municipality from a date, or stop after a date; past periods stay as history. */
export function ServedMunicipalitiesForm({
  locationId,
  version,
  served,
  onDone,
}: {
  locationId: string;
  version: number;
  served: readonly Served[];
  onDone: (message: string) => void;
}) {
  const t = useAppT();
  const localized = useLocalized();
  const [search, setSearch] = useState("");
  const [serveId, setServeId] = useState("");
  const [serveFrom, setServeFrom] = useState("");
  const [stopId, setStopId] = useState("");
  const [stopUntil, setStopUntil] = useState("");
  const [serveProblem, setServeProblem] = useState<Problem | null>(null);
  const [stopProblem, setStopProblem] = useState<Problem | null>(null);
  const term = search.trim();
  const [found] = useQuery({ query: MunicipalitySearchQuery, variables: { search: term }, pause: term.length < 2 });
  const candidates = term.length < 2 ? [] : (found.data?.municipalities.edges.map((e) => e.node) ?? []);
  const { run, busy } = useRefusableMutation(SetLocationMunicipalitiesMutation, (d) => d.setLocationMunicipalities);
  const current = served.filter((s) => !s.servedUntil);

  const submitServe = async (event: FormEvent) => {
    event.preventDefault();
    const chosen = serveId || candidates[0]?.id || "";
    const outcome = await run({ input: { locationId, version, serve: [{ municipalityId: chosen, from: serveFrom }] } });
    if (!outcome) return;
    if (outcome.kind === "ok") {
      setServeProblem(null);
      setSearch("");
      setServeId("");
      return onDone(t("location.servedSaved"));
    }
    setServeProblem(outcome.kind === "refused" ? { refusal: outcome.refusal } : { failure: outcome.reason });
  };
  const submitStop = async (event: FormEvent) => {
    event.preventDefault();
    const outcome = await run({ input: { locationId, version, stop: [{ municipalityId: stopId, until: stopUntil }] } });
    if (!outcome) return;
    if (outcome.kind === "ok") {
      setStopProblem(null);
      return onDone(t("location.servedSaved"));
    }
    setStopProblem(outcome.kind === "refused" ? { refusal: outcome.refusal } : { failure: outcome.reason });
  };

  return (
    <div className="hs-columns">
      <form className="hs-form hs-box" noValidate onSubmit={submitServe} aria-busy={busy || undefined} aria-labelledby="serve-form">
        <Heading level={3} id="serve-form">
          {t("location.serve")}
        </Heading>
        <FormProblem problem={serveProblem} />
        <TextField
          label={t("location.serveSearch")}
          description={t("municipalities.searchHint")}
          type="search"
          autoComplete="off"
          value={search}
          onChange={(e) => {
            setSearch(e.target.value);
            setServeId("");
          }}
        />
        <SelectField
          label={t("location.col.municipality")}
          value={serveId || candidates[0]?.id || ""}
          onChange={(e) => setServeId(e.target.value)}
          options={
            candidates.length === 0
              ? [{ value: "", label: t("location.serveNoResults") }]
              : candidates.map((m) => ({ value: m.id, label: `${m.name} (${m.code})` }))
          }
        />
        {fieldError(serveProblem, "serve", localized) && <p className="hs-field__error">{fieldError(serveProblem, "serve", localized)}</p>}
        <DateField
          label={t("location.col.from")}
          value={serveFrom}
          onChange={setServeFrom}
          error={fieldError(serveProblem, "serve.0.from", localized)}
        />
        <div className="hs-form__actions">
          <Button type="submit" appearance="secondary" busy={busy}>
            {t("location.serveSubmit")}
          </Button>
        </div>
      </form>
      {current.length > 0 && (
        <form className="hs-form hs-box" noValidate onSubmit={submitStop} aria-busy={busy || undefined} aria-labelledby="stop-form">
          <Heading level={3} id="stop-form">
            {t("location.stop")}
          </Heading>
          <FormProblem problem={stopProblem} />
          <SelectField
            label={t("location.col.municipality")}
            value={stopId}
            onChange={(e) => setStopId(e.target.value)}
            options={[
              { value: "", label: t("location.chooseMunicipality") },
              ...current.map((s) => ({ value: s.municipality.id, label: s.municipality.name })),
            ]}
          />
          <DateField
            label={t("location.stopUntil")}
            value={stopUntil}
            onChange={setStopUntil}
            error={fieldError(stopProblem, "stop.0.until", localized)}
          />
          <div className="hs-form__actions">
            <Button type="submit" appearance="secondary" busy={busy}>
              {t("location.stopSubmit")}
            </Button>
          </div>
        </form>
      )}
    </div>
  );
}
