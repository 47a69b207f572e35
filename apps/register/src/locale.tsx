import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from "react";
import { initialLocale, isRtl, type Key, type Locale, rememberLocale, type TranslateValues, translate } from "./i18n.ts";

interface LocaleContextValue {
  locale: Locale;
  setLocale(locale: Locale): void;
  t(key: Key, values?: TranslateValues): string;
}

const LocaleContext = createContext<LocaleContextValue | null>(null);

/** The page's language: from the browser at first, switchable on every step; kept in <html lang dir>. */
export function LocaleProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(initialLocale);
  useEffect(() => {
    document.documentElement.lang = locale;
    document.documentElement.dir = isRtl(locale) ? "rtl" : "ltr";
  }, [locale]);
  const setLocale = useCallback((next: Locale) => {
    rememberLocale(next);
    setLocaleState(next);
  }, []);
  const value = useMemo<LocaleContextValue>(
    () => ({ locale, setLocale, t: (key, values) => translate(locale, key, values) }),
    [locale, setLocale],
  );
  return <LocaleContext.Provider value={value}>{children}</LocaleContext.Provider>;
}

export function useLocale(): LocaleContextValue {
  const value = useContext(LocaleContext);
  if (!value) throw new Error("useLocale needs a <LocaleProvider> higher up.");
  return value;
}
