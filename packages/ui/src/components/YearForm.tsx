import { type FormEvent, useEffect, useRef, useState } from "react";
import { useT } from "../i18n/I18nProvider.tsx";
import { Button } from "./Button.tsx";
import { TextField } from "./TextField.tsx";

export interface YearFormProps {
  year: number;
  onChange: (year: number) => void;
  /** A refusal from the API about the year, already in the user's language. */
  error?: string | null;
}

/** Choose the year of the figures: a four-digit year and a button (the API judges the year). */
export function YearForm({ year, onChange, error }: YearFormProps) {
  const t = useT();
  const [value, setValue] = useState(String(year));
  const [invalid, setInvalid] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const submitted = useRef(false);
  useEffect(() => setValue(String(year)), [year]);
  // A refusal that answers the user's own choice moves focus to the field, so its error is read out.
  useEffect(() => {
    if (error && submitted.current) input.current?.focus();
  }, [error]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const trimmed = value.trim();
    submitted.current = true;
    if (!/^\d{4}$/.test(trimmed)) {
      setInvalid(true);
      input.current?.focus();
      return;
    }
    setInvalid(false);
    onChange(Number(trimmed));
  };

  return (
    <form className="hs-toolbar" onSubmit={submit} noValidate>
      <div className="hs-toolbar__field hs-toolbar__field--year">
        <TextField
          ref={input}
          label={t("year.label")}
          inputMode="numeric"
          autoComplete="off"
          maxLength={4}
          value={value}
          onChange={(event) => setValue(event.target.value)}
          error={invalid ? t("year.invalid") : (error ?? null)}
        />
      </div>
      <div className="hs-toolbar__actions">
        <Button type="submit" appearance="primary">
          {t("year.submit")}
        </Button>
      </div>
    </form>
  );
}
