import {
  Alert,
  Button,
  EmptyState,
  Heading,
  HomeIntro,
  NotFound,
  QueryView,
  SelectField,
  type SuppressionKind,
  SuppressionNotes,
  suppressionKind,
  useFormat,
  useLocalized,
  useSearchState,
  useYearParam,
  YearForm,
} from "@homestart/ui";
import { type FormEvent, useState } from "react";
import { useQuery } from "urql";
import { useLocation } from "wouter";
import type { MyMunicipalitiesQuery } from "../../gql/graphql.ts";
import { useAppT } from "../../i18n.ts";
import {
  MunicipalityFiguresQueryDocument,
  MunicipalityFiguresTrendQueryDocument,
  MyMunicipalitiesQuery as MyMunicipalitiesDocument,
} from "./queries.ts";
import {
  ComparisonSection,
  Exports,
  type Figures,
  FiguresTables,
  noFamilies,
  ServingLocations,
  TrendSection,
  type TrendYear,
} from "./sections.tsx";
import "./figures.css";

type Municipality = NonNullable<MyMunicipalitiesQuery["me"]>["municipalities"][number];

/** The trend covers this many years up to the chosen one. */
const TREND_YEARS = 5;
// Home-Start Nederland started in 1994 (seed 002): no figures before it.
const FIRST_YEAR = 1994;

export const municipalityPath = (id: string) => `/gemeente/${encodeURIComponent(id)}`;

/** `/`: the officer's (first) municipality; `?gemeente=<CBS code>` picks another of theirs. */
export function HomeFiguresPage() {
  const t = useAppT();
  const [params] = useSearchState();
  const [result, reexecute] = useQuery({ query: MyMunicipalitiesDocument });
  return (
    <>
      {/* The h1 is there at once, so that it can take focus right after the login. */}
      <Intro />
      <QueryView result={result} retry={() => reexecute({ requestPolicy: "network-only" })}>
        {(data) => {
          const municipalities = data.me?.municipalities ?? [];
          const chosen = municipalities.find((m) => m.code === params.get("gemeente")) ?? municipalities[0];
          if (!chosen) {
            return (
              <EmptyState title={t("municipalities.emptyTitle")} icon="building" headingLevel={2}>
                <p>{t("municipalities.emptyText")}</p>
              </EmptyState>
            );
          }
          return <MunicipalityFigures municipalityId={chosen.id} municipalities={municipalities} intro={false} />;
        }}
      </QueryView>
    </>
  );
}

/** `/gemeente/:id`: one municipality by id; the API answers null for one that is not the officer's. */
export function MunicipalityFiguresPage({ params }: { params: { id: string } }) {
  const [result, reexecute] = useQuery({ query: MyMunicipalitiesDocument });
  return (
    <QueryView result={result} retry={() => reexecute({ requestPolicy: "network-only" })}>
      {(data) => <MunicipalityFigures municipalityId={decodeURIComponent(params.id)} municipalities={data.me?.municipalities ?? []} />}
    </QueryView>
  );
}

function Intro() {
  const t = useAppT();
  return (
    <HomeIntro title={t("home.title")} compact>
      <p className="hs-page-head__lead">{t("home.lead")}</p>
    </HomeIntro>
  );
}

function MunicipalityFigures({
  municipalityId,
  municipalities,
  intro = true,
}: {
  municipalityId: string;
  municipalities: readonly Municipality[];
  /** Whether to show the page's h1 here (not when the page above already shows it). */
  intro?: boolean;
}) {
  const t = useAppT();
  const localized = useLocalized();
  const format = useFormat();
  const [year, setYear] = useYearParam();
  const fromYear = Math.max(FIRST_YEAR, year - TREND_YEARS + 1);
  const [result, reexecute] = useQuery({ query: MunicipalityFiguresQueryDocument, variables: { year, municipalityId } });
  const [trend] = useQuery({ query: MunicipalityFiguresTrendQueryDocument, variables: { fromYear, toYear: year, municipalityId } });
  const answer = result.data?.municipalityFigures;

  // Not theirs, or no such municipality: the API says null, and so do we, whatever the address.
  if (result.data && answer === null) {
    return (
      <NotFound title={t("municipal.notFound.title")} back={{ href: "/", label: t("municipal.notFound.back") }}>
        <p>{t("municipal.notFound.text")}</p>
      </NotFound>
    );
  }
  const figures = answer?.__typename === "MunicipalityFiguresSuccess" ? answer.figures : null;
  const known = municipalities.find((m) => m.id === municipalityId);
  const municipality = known ?? figures?.municipality ?? null;
  const yearRefusal = answer?.__typename === "Refusal" && answer.field === "year" ? localized(answer.message) : null;
  const trendAnswer = trend.data?.municipalityFiguresTrend;
  const trendYears = trendAnswer?.__typename === "MunicipalityFiguresTrendSuccess" ? trendAnswer.years : null;
  const kinds = [...(figures ? figuresKinds(figures) : []), ...(trendYears ? trendKinds(trendYears) : [])];

  return (
    <>
      {intro && <Intro />}
      {municipality && (
        <div className="hs-print-only hs-report-head">
          <p className="hs-report-head__title">{t("municipal.report.title", { municipality: municipality.name, year })}</p>
          <p>{t("municipal.report.made", { date: format.date(new Date()) })}</p>
        </div>
      )}
      {municipalities.length > 1 && <MunicipalityPicker municipalities={municipalities} current={municipalityId} />}
      <YearForm year={year} onChange={setYear} error={yearRefusal} />
      {municipality && (
        <div className="hs-municipality">
          <Heading level={2} id="municipality-name" className="hs-municipality__name">
            {municipality.name}
          </Heading>
          <p className="hs-municipality__facts">
            <span>{t("municipalities.province", { province: municipality.province })}</span>
            <span>{t("municipalities.code", { code: municipality.code })}</span>
          </p>
        </div>
      )}
      <QueryView result={result} retry={() => reexecute({ requestPolicy: "network-only" })}>
        {() =>
          answer?.__typename === "Refusal" ? (
            // A refusal about the year is shown at the year field; any other one here.
            answer.field === "year" ? null : (
              <Alert type="error" role="alert" title={localized(answer.message)} />
            )
          ) : figures ? (
            <>
              <section className="hs-section hs-report-section" aria-labelledby="figures-year-title">
                <Heading level={3} id="figures-year-title">
                  {t("municipal.yearHeading", { year })}
                </Heading>
                <FiguresTables figures={figures} />
              </section>
              <Exports municipalityId={municipalityId} year={year} />
              <ComparisonSection figures={figures} />
              <section className="hs-section hs-report-section" aria-labelledby="figures-trend-title">
                <Heading level={3} id="figures-trend-title">
                  {t("trend.heading")}
                </Heading>
                {trendAnswer?.__typename === "Refusal" ? (
                  <Alert type="error" role="alert" title={localized(trendAnswer.message)} />
                ) : (
                  <QueryView result={trend} retry={() => reexecute({ requestPolicy: "network-only" })}>
                    {() =>
                      trendYears && (
                        <TrendSection years={trendYears} municipality={figures.municipality.name} fromYear={fromYear} toYear={year} />
                      )
                    }
                  </QueryView>
                )}
              </section>
              {known && <ServingLocations municipality={known} />}
              <SuppressionNotes kinds={kinds} />
            </>
          ) : null
        }
      </QueryView>
    </>
  );
}

/** An officer of several municipalities picks one; the choice is the address (`/gemeente/<id>`). */
function MunicipalityPicker({ municipalities, current }: { municipalities: readonly Municipality[]; current: string }) {
  const t = useAppT();
  const [, navigate] = useLocation();
  const [params] = useSearchState();
  const [value, setValue] = useState(municipalities.some((m) => m.id === current) ? current : (municipalities[0]?.id ?? ""));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const year = params.get("jaar");
    navigate(`${municipalityPath(value)}${year ? `?jaar=${year}` : ""}`);
  };
  return (
    <form className="hs-toolbar" onSubmit={submit}>
      <div className="hs-toolbar__field">
        <SelectField
          label={t("municipalities.select")}
          value={value}
          onChange={(event) => setValue(event.target.value)}
          options={municipalities.map((m) => ({ value: m.id, label: m.name }))}
        />
      </div>
      <div className="hs-toolbar__actions">
        <Button type="submit">{t("municipal.pick.submit")}</Button>
      </div>
    </form>
  );
}

/** Why figures on the page are hidden: from the API's cells and the shares it left out. */
function figuresKinds(f: Figures): SuppressionKind[] {
  const kinds: SuppressionKind[] = [];
  const cells = [
    f.families,
    f.children,
    f.volunteers,
    f.viaReferrer,
    f.selfRegistered,
    f.singleParent,
    ...f.riskFactors.map((r) => r.families),
  ];
  for (const cell of cells) {
    const kind = suppressionKind(cell);
    if (kind) kinds.push(kind);
  }
  const derived = [
    f.shareViaReferrer,
    f.shareSingleParent,
    f.averageHoursPerFamily,
    f.averageDaysRegistrationToStart,
    ...f.comparison.map((c) => c.municipality),
  ];
  if (derived.some((v) => v === null || v === undefined)) kinds.push(noFamilies(f) ? "NO_DATA" : "DERIVED");
  if (f.comparison.some((c) => c.national === null || c.national === undefined)) kinds.push("NO_DATA");
  return kinds;
}

function trendKinds(years: readonly TrendYear[]): SuppressionKind[] {
  return years.flatMap((y) => [y.families, y.children, y.volunteers].map(suppressionKind)).filter((k): k is SuppressionKind => k !== null);
}
