// What every step shares: the language switch, the step's heading and number, a busy message.
import { Heading } from "@homestart/ui";
import type { ReactNode } from "react";
import { AUTONYMS, LOCALES, type Locale } from "./i18n.ts";
import { useLocale } from "./locale.tsx";

export type Step = "language" | "municipality" | "offer" | "who" | "details" | "consents" | "done";
const NUMBERED: Step[] = ["language", "municipality", "offer", "who", "details", "consents"];

/** Six buttons, each language named in itself; on every page. */
export function LanguageSwitch({ large = false }: { large?: boolean }) {
  const { locale, setLocale, t } = useLocale();
  return (
    <fieldset className={large ? "rg-languages rg-languages--large" : "rg-languages"}>
      <legend className="hs-visually-hidden">{t("app.language")}</legend>
      {LOCALES.map((option: Locale) => (
        <button
          key={option}
          type="button"
          lang={option}
          dir={option === "ar" ? "rtl" : "ltr"}
          aria-pressed={locale === option}
          onClick={() => setLocale(option)}
        >
          {AUTONYMS[option]}
        </button>
      ))}
    </fieldset>
  );
}

/** A step's heading (focused when the step opens, for screen readers and keyboard users) and its number. */
export function StepHeading({ step, title, children }: { step: Step; title: string; children?: ReactNode }) {
  const { t } = useLocale();
  const index = NUMBERED.indexOf(step);
  return (
    <div className="rg-stack">
      {index >= 0 && <p className="rg-step">{t("app.step", { n: index + 1, total: NUMBERED.length })}</p>}
      <Heading level={1} id="step-heading">
        {title}
      </Heading>
      {children}
    </div>
  );
}

/** Waiting for the API, announced politely. */
export function Busy() {
  const { t } = useLocale();
  return (
    <div className="hs-loading" role="status">
      <span className="hs-spinner" aria-hidden="true" />
      <span>{t("app.loading")}</span>
    </div>
  );
}
