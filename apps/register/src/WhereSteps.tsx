import { Alert, Button, TextField } from "@homestart/ui";
import { type FormEvent, useState } from "react";
import { useQuery } from "urql";
import { Busy, LanguageSwitch, StepHeading } from "./Chrome.tsx";
import type { RegistrationLanguage } from "./gql/graphql.ts";
import { useLocale } from "./locale.tsx";
import { RegistrationOfferQuery } from "./operations.ts";

export interface MunicipalityChoice {
  id: string;
  name: string;
  province: string;
  offered: boolean;
  maxAgeInclusive?: number | null;
  pregnancyWeeksFrom?: number | null;
}

/** The API's name for the current language. */
export function useApiLanguage(): RegistrationLanguage {
  return useLocale().locale.toUpperCase() as RegistrationLanguage;
}

export function LanguageStep({ onNext }: { onNext: () => void }) {
  const { t } = useLocale();
  return (
    <>
      <StepHeading step="language" title={t("language.title")}>
        <p className="rg-lead">{t("language.lead")}</p>
        <p>{t("language.hint")}</p>
      </StepHeading>
      <div className="rg-actions">
        <LanguageSwitch large />
      </div>
      <div className="rg-actions">
        <Button appearance="primary" onClick={onNext}>
          {t("app.next")}
        </Button>
      </div>
    </>
  );
}

export function MunicipalityStep({ onBack, onChoose }: { onBack: () => void; onChoose: (m: MunicipalityChoice) => void }) {
  const { t } = useLocale();
  const language = useApiLanguage();
  const [text, setText] = useState("");
  const [search, setSearch] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [result, reexecute] = useQuery({
    query: RegistrationOfferQuery,
    variables: { search: search ?? "", language },
    pause: search === null,
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const value = text.trim();
    if (value.length < 2) {
      setError(t("municipality.tooShort"));
      setSearch(null);
      return;
    }
    setError(null);
    setSearch(value);
  };
  const found = result.data?.registrationOffer.municipalities ?? [];
  return (
    <>
      <StepHeading step="municipality" title={t("municipality.title")} />
      <form noValidate onSubmit={submit} className="rg-stack">
        <TextField
          label={t("municipality.label")}
          description={`${t("municipality.hint")} ${t("municipality.postcode")}`}
          type="search"
          autoComplete="address-level2"
          value={text}
          error={error}
          onChange={(event) => setText(event.target.value)}
        />
        <Button type="submit" appearance="secondary">
          {t("municipality.search")}
        </Button>
      </form>
      <div aria-live="polite">
        {search !== null && result.fetching && <Busy />}
        {search !== null && result.error && (
          <Alert type="error">
            <p>{t("app.networkError")}</p>
            <Button onClick={() => reexecute({ requestPolicy: "network-only" })}>{t("app.retry")}</Button>
          </Alert>
        )}
        {search !== null && result.data && found.length === 0 && <p>{t("municipality.none")}</p>}
        {found.length > 0 && (
          <>
            <h2 className="utrecht-heading-3">{t("municipality.results")}</h2>
            <ul className="rg-results">
              {found.map((m) => (
                <li key={m.id}>
                  <Button onClick={() => onChoose(m)}>
                    {m.name} ({t("municipality.province", { province: m.province })})
                  </Button>
                </li>
              ))}
            </ul>
          </>
        )}
      </div>
      <div className="rg-actions">
        <Button onClick={onBack}>{t("app.back")}</Button>
      </div>
    </>
  );
}

export function OfferStep({
  municipality,
  onOther,
  onNext,
}: {
  municipality: MunicipalityChoice;
  onOther: () => void;
  onNext: () => void;
}) {
  const { t } = useLocale();
  const language = useApiLanguage();
  const [result] = useQuery({ query: RegistrationOfferQuery, variables: { municipalityId: municipality.id, language } });
  const offer = result.data?.registrationOffer;
  const current = offer?.municipalities[0] ?? municipality;
  if (!offer) {
    return (
      <>
        <StepHeading step="offer" title={municipality.name} />
        {result.error ? <Alert type="error">{t("app.networkError")}</Alert> : <Busy />}
      </>
    );
  }
  if (!current.offered) {
    const office = offer.nationalOffice;
    return (
      <>
        <StepHeading step="offer" title={t("offer.noTitle", { name: current.name })} />
        <div className="rg-stack" data-offer="not-offered">
          <p className="rg-lead">{t("offer.noText")}</p>
          <h2 className="utrecht-heading-3">{office.name}</h2>
          <dl className="rg-contact">
            <dt>{t("offer.phone")}</dt>
            <dd>
              <a href={`tel:${office.phone.replace(/\s/g, "")}`} dir="ltr">
                {office.phone}
              </a>
            </dd>
            <dt>{t("offer.email")}</dt>
            <dd>
              <a href={`mailto:${office.email}`} dir="ltr">
                {office.email}
              </a>
            </dd>
            <dt>{t("offer.website")}</dt>
            <dd>
              <a href={office.website} dir="ltr">
                {office.website.replace(/^https:\/\//, "")}
              </a>
            </dd>
          </dl>
          <p>{t("offer.nothingStored")}</p>
        </div>
        <div className="rg-actions">
          <Button appearance="primary" onClick={onOther}>
            {t("offer.other")}
          </Button>
        </div>
      </>
    );
  }
  return (
    <>
      <StepHeading step="offer" title={t("offer.yesTitle", { name: current.name })} />
      <div className="rg-stack" data-offer="offered">
        <p className="rg-lead">{t("offer.ages", { max: current.maxAgeInclusive ?? 6, weeks: current.pregnancyWeeksFrom ?? 28 })}</p>
        <p>{t("offer.free")}</p>
      </div>
      <div className="rg-actions">
        <Button appearance="primary" onClick={onNext}>
          {t("offer.continue")}
        </Button>
        <Button onClick={onOther}>{t("offer.other")}</Button>
      </div>
    </>
  );
}
