import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from "react";
import { DEFAULT_LOCALE, type Dictionaries, LOCALES, type Locale, type SharedKey, sharedDictionaries } from "./dictionaries.ts";

const STORAGE_KEY = "homestart.locale";

/** Values filled into `{name}` placeholders. */
export type TranslateValues = Readonly<Record<string, string | number>>;
export type Translate<K extends string> = (key: K, values?: TranslateValues) => string;

interface I18nContextValue {
  locale: Locale;
  setLocale(locale: Locale): void;
  messages: Readonly<Record<string, string>>;
}

const I18nContext = createContext<I18nContextValue | null>(null);

function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

function readStoredLocale(): Locale {
  try {
    const stored = window.localStorage.getItem(STORAGE_KEY);
    return isLocale(stored) ? stored : DEFAULT_LOCALE;
  } catch {
    // Storage can be unavailable (private browsing, blocked cookies): fall back to Dutch.
    return DEFAULT_LOCALE;
  }
}

function storeLocale(locale: Locale): void {
  try {
    window.localStorage.setItem(STORAGE_KEY, locale);
  } catch {
    // Not remembered, but the switch still works for this visit.
  }
}

export interface I18nProviderProps<K extends string> {
  /** The portal's own texts, on top of the shared ones. */
  dictionaries: Dictionaries<K>;
  children: ReactNode;
}

/** Holds the language (remembered in localStorage, Dutch by default) and keeps `<html lang>` in sync. */
export function I18nProvider<K extends string>({ dictionaries, children }: I18nProviderProps<K>) {
  const [locale, setLocaleState] = useState<Locale>(readStoredLocale);

  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);

  const setLocale = useCallback((next: Locale) => {
    storeLocale(next);
    setLocaleState(next);
  }, []);

  const value = useMemo<I18nContextValue>(
    () => ({ locale, setLocale, messages: { ...sharedDictionaries[locale], ...dictionaries[locale] } }),
    [locale, setLocale, dictionaries],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

function useI18nContext(): I18nContextValue {
  const context = useContext(I18nContext);
  if (!context) throw new Error("useT and useLocale need an <I18nProvider> higher up.");
  return context;
}

/** The current language and a way to change it. */
export function useLocale(): { locale: Locale; setLocale(locale: Locale): void } {
  const { locale, setLocale } = useI18nContext();
  return { locale, setLocale };
}

export function interpolate(text: string, values?: TranslateValues): string {
  if (!values) return text;
  return text.replace(/\{(\w+)\}/g, (match, name: string) => (name in values ? String(values[name]) : match));
}

/**
 * The translate function for the current language. Shared keys are always allowed; a portal
 * passes its own key type: `useT<keyof typeof dictionaries.nl>()`.
 */
export function useT<K extends string = never>(): Translate<SharedKey | K> {
  const { messages } = useI18nContext();
  return useCallback(
    (key, values) => {
      const text = messages[key];
      if (text === undefined) {
        console.warn(`[i18n] missing text for "${key}"`);
        return key;
      }
      return interpolate(text, values);
    },
    [messages],
  );
}

/** Picks the text in the current language from a `{ nl, en }` pair, as the API sends them. */
export function useLocalized(): (text: { nl: string; en: string }) => string {
  const { locale } = useI18nContext();
  return useCallback((text) => text[locale], [locale]);
}
