import { BrandMark } from "@homestart/ui";
import { type ReactNode, useEffect, useRef, useState } from "react";
import { LanguageSwitch, type Step } from "./Chrome.tsx";
import type { Key } from "./i18n.ts";
import { useLocale } from "./locale.tsx";
import { ConsentStep, DetailsStep, DoneStep, emptyForm, type RegistrationForm, type Source, WhoStep } from "./RegistrationSteps.tsx";
import { LanguageStep, type MunicipalityChoice, MunicipalityStep, OfferStep } from "./WhereSteps.tsx";

const TITLES: Record<Step, Key> = {
  language: "language.title",
  municipality: "municipality.title",
  offer: "app.title",
  who: "who.title",
  details: "details.title",
  consents: "consents.title",
  done: "done.title",
};

/** The public registration page: no login, a step at a time, in the family's language. */
export function App() {
  const { t } = useLocale();
  const [step, setStep] = useState<Step>("language");
  const [municipality, setMunicipality] = useState<MunicipalityChoice | null>(null);
  const [source, setSource] = useState<Source | null>(null);
  const [form, setForm] = useState<RegistrationForm>(emptyForm);
  const [receipt, setReceipt] = useState<{ callBackWorkingDays: number; confirmationEmail: boolean } | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const first = useRef(true);

  // Each new step: its heading takes focus (not on the first page: the visitor starts at the top).
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on every change of step, which is the point
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    document.getElementById("step-heading")?.focus();
    window.scrollTo(0, 0);
  }, [step]);
  // The tab names the step, in the chosen language.
  useEffect(() => {
    document.title = `${t(TITLES[step])} – Home-Start`;
  }, [step, t]);

  const go = (next: Step) => setStep(next);
  const restart = () => {
    setMunicipality(null);
    setSource(null);
    setForm(emptyForm());
    setReceipt(null);
    setFieldErrors({});
    go("municipality");
  };

  let page: ReactNode;
  switch (step) {
    case "language":
      page = <LanguageStep onNext={() => go("municipality")} />;
      break;
    case "municipality":
      page = (
        <MunicipalityStep
          onBack={() => go("language")}
          onChoose={(m) => {
            setMunicipality(m);
            go("offer");
          }}
        />
      );
      break;
    case "offer":
      page = municipality && <OfferStep municipality={municipality} onOther={() => go("municipality")} onNext={() => go("who")} />;
      break;
    case "who":
      page = (
        <WhoStep
          source={source}
          onBack={() => go("offer")}
          onNext={(s) => {
            setSource(s);
            go("details");
          }}
        />
      );
      break;
    case "details":
      page = source && (
        <DetailsStep
          source={source}
          form={form}
          serverErrors={fieldErrors}
          onBack={() => go("who")}
          onNext={(f) => {
            setForm(f);
            setFieldErrors({});
            go("consents");
          }}
        />
      );
      break;
    case "consents":
      page = municipality && source && (
        <ConsentStep
          municipality={municipality}
          source={source}
          form={form}
          onBack={() => go("details")}
          onDetailsRefused={(errors) => {
            setFieldErrors(errors);
            go("details");
          }}
          onNotOffered={() => go("offer")}
          onDone={(r) => {
            setReceipt(r);
            go("done");
          }}
        />
      );
      break;
    case "done":
      page = receipt && source && <DoneStep receipt={receipt} source={source} onAgain={restart} />;
      break;
  }

  return (
    <div className="hs-app utrecht-document">
      <a className="utrecht-skip-link utrecht-skip-link--visible-on-focus hs-skip-link" href="#main">
        {t("app.skipLink")}
      </a>
      <header className="hs-header">
        <div className="hs-header__inner">
          <div className="hs-brand">
            <BrandMark />
            <p className="hs-brand__text">
              <span className="hs-brand__name">Home-Start</span>
              <span className="hs-brand__portal">{t("app.title")}</span>
            </p>
          </div>
          {step !== "language" && <LanguageSwitch />}
        </div>
      </header>
      <main id="main" className="hs-main" tabIndex={-1}>
        <div className="hs-main__inner">
          <div className="rg-page">{page}</div>
        </div>
      </main>
      <footer className="hs-footer">
        <div className="hs-footer__inner">
          <span>{t("app.footer")}</span>
        </div>
      </footer>
    </div>
  );
}
