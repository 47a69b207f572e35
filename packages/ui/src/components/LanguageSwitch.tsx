import { LOCALES } from "../i18n/dictionaries.ts";
import { useLocale, useT } from "../i18n/I18nProvider.tsx";

/** Nederlands | English: two toggle buttons, each named in its own language. */
export function LanguageSwitch() {
  const t = useT();
  const { locale, setLocale } = useLocale();
  return (
    <fieldset className="hs-language">
      <legend className="hs-visually-hidden">{t("language.label")}</legend>
      {LOCALES.map((option) => (
        <button
          key={option}
          type="button"
          lang={option}
          className="hs-language__option"
          aria-pressed={locale === option}
          onClick={() => setLocale(option)}
        >
          {t(`language.${option}`)}
        </button>
      ))}
    </fieldset>
  );
}
