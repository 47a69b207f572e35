import {
  Alert,
  EmptyState,
  FiguresTable,
  FigureValue,
  Heading,
  HomeIntro,
  QueryView,
  SelectField,
  SuppressedMark,
  type SuppressionKind,
  SuppressionNotes,
  suppressionKind,
  useFormat,
  useLocalized,
  useSearchState,
  useT,
  useYearParam,
  YearForm,
} from "@homestart/ui";
import { useQuery } from "urql";
import type { MunicipalityFiguresQuery } from "./gql/graphql.ts";
import { graphql } from "./gql/index.ts";
import { useAppT } from "./i18n.ts";

const MyMunicipalitiesQuery = graphql(`
  query MyMunicipalities {
    me {
      id
      municipalities {
        id
        code
        name
        province
      }
    }
  }
`);

const MunicipalityFiguresQueryDocument = graphql(`
  query MunicipalityFigures($year: Int!, $municipalityId: ID!) {
    municipalityFigures(year: $year, municipalityId: $municipalityId) {
      __typename
      ... on MunicipalityFiguresSuccess {
        figures {
          year
          municipality {
            id
            name
          }
          families {
            ...Cell
          }
          children {
            ...Cell
          }
          volunteers {
            ...Cell
          }
          viaReferrer {
            ...Cell
          }
          selfRegistered {
            ...Cell
          }
          singleParent {
            ...Cell
          }
          shareViaReferrer
          shareSingleParent
          riskFactors {
            riskFactor
            families {
              ...Cell
            }
          }
          averageHoursPerFamily
          averageDaysRegistrationToStart
        }
      }
      ... on Refusal {
        code
        field
        message {
          nl
          en
        }
      }
    }
  }

  fragment Cell on FigureCell {
    shown
    value
    suppression
  }
`);

type Municipality = Extract<
  NonNullable<MunicipalityFiguresQuery["municipalityFigures"]>,
  { __typename: "MunicipalityFiguresSuccess" }
>["figures"];

/** The officer's municipality (a choice when there are several) and its figures for a chosen year. */
export function FiguresPage() {
  const t = useAppT();
  const [result, reexecute] = useQuery({ query: MyMunicipalitiesQuery });
  const [params, setParams] = useSearchState();
  return (
    <>
      <HomeIntro title={t("home.title")} compact>
        <p className="hs-page-head__lead">{t("home.lead")}</p>
      </HomeIntro>
      <QueryView result={result} retry={() => reexecute({ requestPolicy: "network-only" })}>
        {(data) => {
          const municipalities = data.me?.municipalities ?? [];
          const [first] = municipalities;
          if (!first) {
            return (
              <EmptyState title={t("municipalities.emptyTitle")} icon="building" headingLevel={2}>
                <p>{t("municipalities.emptyText")}</p>
              </EmptyState>
            );
          }
          const chosen = municipalities.find((m) => m.code === params.get("gemeente")) ?? first;
          return (
            <>
              {municipalities.length > 1 && (
                <div className="hs-toolbar hs-toolbar--plain">
                  <div className="hs-toolbar__field hs-toolbar__field--status">
                    <SelectField
                      label={t("municipalities.select")}
                      value={chosen.code}
                      onChange={(event) => setParams({ gemeente: event.target.value })}
                      options={municipalities.map((m) => ({ value: m.code, label: m.name }))}
                    />
                  </div>
                </div>
              )}
              <section className="hs-section" aria-labelledby="municipality-name">
                <div className="hs-municipality">
                  <Heading level={2} id="municipality-name" className="hs-municipality__name">
                    {chosen.name}
                  </Heading>
                  <p className="hs-municipality__facts">
                    <span>{t("municipalities.province", { province: chosen.province })}</span>
                    <span>{t("municipalities.code", { code: chosen.code })}</span>
                  </p>
                </div>
                <MunicipalityYear municipalityId={chosen.id} />
              </section>
            </>
          );
        }}
      </QueryView>
    </>
  );
}

function MunicipalityYear({ municipalityId }: { municipalityId: string }) {
  const t = useAppT();
  const localized = useLocalized();
  const [year, setYear] = useYearParam();
  const [result, reexecute] = useQuery({ query: MunicipalityFiguresQueryDocument, variables: { year, municipalityId } });
  const answer = result.data?.municipalityFigures;
  const yearRefusal = answer?.__typename === "Refusal" && answer.field === "year" ? localized(answer.message) : null;
  return (
    <>
      <YearForm year={year} onChange={setYear} error={yearRefusal} />
      <QueryView result={result} retry={() => reexecute({ requestPolicy: "network-only" })}>
        {({ municipalityFigures }) =>
          !municipalityFigures ? (
            <Alert type="warning" role="alert" title={t("municipal.notYours")} />
          ) : municipalityFigures.__typename === "Refusal" ? (
            // A refusal about the year is shown at the year field; any other one here.
            municipalityFigures.field === "year" ? null : (
              <Alert type="error" role="alert" title={localized(municipalityFigures.message)} />
            )
          ) : (
            <Figures figures={municipalityFigures.figures} />
          )
        }
      </QueryView>
    </>
  );
}

function Figures({ figures: f }: { figures: Municipality }) {
  const t = useAppT();
  const shared = useT();
  const format = useFormat();
  const kinds: SuppressionKind[] = [];
  const cell = (c: Municipality["families"]) => {
    const kind = suppressionKind(c);
    if (kind) kinds.push(kind);
    return <FigureValue cell={c} />;
  };
  // A share or average the API leaves out: nothing to calculate without families, otherwise its counts are hidden.
  const noFamilies = f.families.shown && f.families.value === 0;
  const derived = (value: number | null | undefined, show: (v: number) => string) => {
    if (value !== null && value !== undefined) return show(value);
    const kind: SuppressionKind = noFamilies ? "NO_DATA" : "DERIVED";
    kinds.push(kind);
    return <SuppressedMark kind={kind} />;
  };
  const rows = [
    { id: "families", label: shared("figures.families"), value: cell(f.families) },
    { id: "children", label: shared("figures.children"), value: cell(f.children) },
    { id: "volunteers", label: shared("figures.volunteers"), value: cell(f.volunteers) },
    { id: "viaReferrer", label: shared("figures.viaReferrer"), value: cell(f.viaReferrer) },
    { id: "selfRegistered", label: shared("figures.selfRegistered"), value: cell(f.selfRegistered) },
    { id: "shareViaReferrer", label: shared("figures.shareViaReferrer"), value: derived(f.shareViaReferrer, format.percent) },
    { id: "singleParent", label: shared("figures.singleParent"), value: cell(f.singleParent) },
    { id: "shareSingleParent", label: shared("figures.shareSingleParent"), value: derived(f.shareSingleParent, format.percent) },
    {
      id: "averageHoursPerFamily",
      label: shared("figures.averageHoursPerFamily"),
      value: derived(f.averageHoursPerFamily, format.oneDecimal),
    },
    {
      id: "averageDaysRegistrationToStart",
      label: shared("figures.averageDaysRegistrationToStart"),
      value: derived(f.averageDaysRegistrationToStart, format.oneDecimal),
    },
  ];
  const riskRows = f.riskFactors.map((r) => ({
    id: `risk-${r.riskFactor}`,
    label: shared(`riskFactor.${r.riskFactor}`),
    value: cell(r.families),
  }));
  return (
    <>
      <div className="hs-figures">
        <FiguresTable
          caption={t("municipal.caption", { municipality: f.municipality.name, year: f.year })}
          labelHeader={shared("figures.figure")}
          valueHeader={shared("figures.value")}
          rows={rows}
        />
        <FiguresTable
          caption={shared("figures.riskFactorsCaption", { year: f.year })}
          labelHeader={shared("figures.riskFactor")}
          valueHeader={shared("figures.riskFactorFamilies")}
          rows={riskRows}
        />
      </div>
      <SuppressionNotes kinds={kinds} />
    </>
  );
}
