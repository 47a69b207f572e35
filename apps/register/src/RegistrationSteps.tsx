import { Alert, Button, ChoiceGroup, DateField, SelectField, TextAreaField, TextField } from "@homestart/ui";
import { type FormEvent, useRef, useState } from "react";
import { useMutation, useQuery } from "urql";
import { Busy, StepHeading } from "./Chrome.tsx";
import type { ConsentType, ReferrerType } from "./gql/graphql.ts";
import type { Key } from "./i18n.ts";
import { useLocale } from "./locale.tsx";
import { RegistrationOfferQuery, SubmitRegistrationMutation } from "./operations.ts";
import { type MunicipalityChoice, useApiLanguage } from "./WhereSteps.tsx";

export type Source = "SELF" | "REFERRER";

interface ChildRow {
  kind: "born" | "expected";
  date: string;
}

export interface RegistrationForm {
  firstName: string;
  lastName: string;
  phone: string;
  email: string;
  children: ChildRow[];
  wish: string;
  referrerType: ReferrerType;
  referrerName: string;
  referrerOrganisation: string;
  referrerPhone: string;
  referrerEmail: string;
}

export const emptyForm = (): RegistrationForm => ({
  firstName: "",
  lastName: "",
  phone: "",
  email: "",
  children: [{ kind: "born", date: "" }],
  wish: "",
  referrerType: "GP",
  referrerName: "",
  referrerOrganisation: "",
  referrerPhone: "",
  referrerEmail: "",
});

// The referrer kinds of seed 004 the form offers (the API knows youth care too).
const REFERRER_TYPES = [
  "GP",
  "DISTRICT_NURSE",
  "SOCIAL_WORKER",
  "PRESCHOOL",
  "CHILDCARE",
  "CJG",
  "OTHER",
] as const satisfies readonly ReferrerType[];

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE = /^\+?[0-9 ()-]{6,}$/;
const todayIso = () => new Date().toLocaleDateString("en-CA", { timeZone: "Europe/Amsterdam" });

/** Moves focus to the first field with an error, after the errors have rendered. */
function focusFirstInvalid(form: HTMLFormElement | null) {
  requestAnimationFrame(() =>
    form?.querySelector<HTMLElement>('[aria-invalid="true"] input, input[aria-invalid="true"], textarea[aria-invalid="true"]')?.focus(),
  );
}

export function WhoStep({ source, onBack, onNext }: { source: Source | null; onBack: () => void; onNext: (s: Source) => void }) {
  const { t } = useLocale();
  const [value, setValue] = useState<Source[]>(source ? [source] : []);
  const [error, setError] = useState<string | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const [chosen] = value;
    if (!chosen) {
      setError(t("who.required"));
      focusFirstInvalid(formRef.current);
      return;
    }
    onNext(chosen);
  };
  return (
    <form ref={formRef} noValidate onSubmit={submit}>
      <StepHeading step="who" title={t("who.title")} />
      <ChoiceGroup<Source>
        legend={t("who.title")}
        mode="single"
        name="who"
        value={value}
        error={error}
        onChange={(v) => {
          setValue(v);
          setError(null);
        }}
        options={[
          { value: "SELF", label: t("who.SELF") },
          { value: "REFERRER", label: t("who.REFERRER"), description: t("who.referrerHint") },
        ]}
      />
      <div className="rg-actions">
        <Button type="submit" appearance="primary">
          {t("app.next")}
        </Button>
        <Button onClick={onBack}>{t("app.back")}</Button>
      </div>
    </form>
  );
}

type Errors = Record<string, string>;

function validate(source: Source, f: RegistrationForm, t: (k: Key) => string): Errors {
  const e: Errors = {};
  if (!f.firstName.trim()) e["parent.firstName"] = t("error.required");
  if (!f.lastName.trim()) e["parent.lastName"] = t("error.required");
  if (f.phone.trim() && !PHONE.test(f.phone.trim())) e["parent.phone"] = t("error.phone");
  if (f.email.trim() && !EMAIL.test(f.email.trim())) e["parent.email"] = t("error.email");
  if (!f.phone.trim() && !f.email.trim()) e["parent.phone"] = t("error.contact");
  f.children.forEach((c, i) => {
    const field = c.kind === "born" ? `children.${i}.bornOn` : `children.${i}.expectedOn`;
    if (!/^\d{4}-\d{2}-\d{2}$/.test(c.date)) e[field] = t("error.date");
    else if (c.kind === "born" && c.date > todayIso()) e[field] = t("error.dateFuture");
  });
  if (source === "REFERRER") {
    if (!f.referrerName.trim()) e["referrer.name"] = t("error.required");
    if (f.referrerPhone.trim() && !PHONE.test(f.referrerPhone.trim())) e["referrer.phone"] = t("error.phone");
    if (f.referrerEmail.trim() && !EMAIL.test(f.referrerEmail.trim())) e["referrer.email"] = t("error.email");
    if (!f.referrerPhone.trim() && !f.referrerEmail.trim()) e["referrer.phone"] = t("error.contact");
  }
  return e;
}

export function DetailsStep({
  source,
  form,
  serverErrors,
  onBack,
  onNext,
}: {
  source: Source;
  form: RegistrationForm;
  serverErrors: Errors;
  onBack: () => void;
  onNext: (f: RegistrationForm) => void;
}) {
  const { t } = useLocale();
  const [f, setF] = useState<RegistrationForm>(form);
  const [errors, setErrors] = useState<Errors>(serverErrors);
  const formRef = useRef<HTMLFormElement>(null);
  const set = <K extends keyof RegistrationForm>(key: K, value: RegistrationForm[K]) => setF((old) => ({ ...old, [key]: value }));
  const setChild = (i: number, child: ChildRow) =>
    set(
      "children",
      f.children.map((c, j) => (j === i ? child : c)),
    );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = validate(source, f, t);
    setErrors(found);
    if (Object.keys(found).length > 0) {
      focusFirstInvalid(formRef.current);
      return;
    }
    onNext(f);
  };
  const err = (field: string) => errors[field] ?? null;
  const text = (field: string, key: keyof RegistrationForm, label: Key, props: Partial<Parameters<typeof TextField>[0]> = {}) => (
    <TextField
      label={t(label)}
      name={field}
      value={f[key] as string}
      error={err(field)}
      onChange={(event) => set(key, event.target.value as never)}
      {...props}
    />
  );
  return (
    <form ref={formRef} noValidate onSubmit={submit}>
      <StepHeading step="details" title={t("details.title")} />
      {Object.keys(errors).length > 0 && (
        <Alert type="error" role="alert">
          {t("error.summary")}
        </Alert>
      )}
      {source === "REFERRER" && (
        <fieldset className="utrecht-form-fieldset hs-fieldset">
          <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--distanced">{t("referrer.legend")}</legend>
          <SelectField
            label={t("referrer.type")}
            name="referrer.type"
            value={f.referrerType}
            onChange={(event) => set("referrerType", event.target.value as ReferrerType)}
            options={REFERRER_TYPES.map((type) => ({ value: type, label: t(`referrer.${type}`) }))}
          />
          {text("referrer.name", "referrerName", "referrer.name", { autoComplete: "name", maxLength: 100 })}
          {text("referrer.organisation", "referrerOrganisation", "referrer.organisation", { autoComplete: "organization", maxLength: 200 })}
          {text("referrer.phone", "referrerPhone", "referrer.phone", {
            type: "tel",
            autoComplete: "tel",
            maxLength: 30,
            description: t("parent.contactHint"),
          })}
          {text("referrer.email", "referrerEmail", "referrer.email", { type: "email", autoComplete: "email", maxLength: 254 })}
        </fieldset>
      )}
      <fieldset className="utrecht-form-fieldset hs-fieldset">
        <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--distanced">
          {t(source === "SELF" ? "parent.legendSelf" : "parent.legendReferrer")}
        </legend>
        {text("parent.firstName", "firstName", "parent.firstName", {
          autoComplete: source === "SELF" ? "given-name" : "off",
          maxLength: 100,
        })}
        {text("parent.lastName", "lastName", "parent.lastName", {
          autoComplete: source === "SELF" ? "family-name" : "off",
          maxLength: 100,
        })}
        {text("parent.phone", "phone", "parent.phone", {
          type: "tel",
          autoComplete: source === "SELF" ? "tel" : "off",
          maxLength: 30,
          description: t("parent.contactHint"),
        })}
        {text("parent.email", "email", "parent.email", {
          type: "email",
          autoComplete: source === "SELF" ? "email" : "off",
          maxLength: 254,
        })}
      </fieldset>
      <fieldset className="utrecht-form-fieldset hs-fieldset">
        <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--distanced">{t("children.legend")}</legend>
        <p className="utrecht-form-field-description">{t("children.hint")}</p>
        {f.children.map((child, i) => {
          const n = i + 1;
          const field = child.kind === "born" ? `children.${i}.bornOn` : `children.${i}.expectedOn`;
          return (
            // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity but their position
            <div className="rg-child" key={i}>
              <ChoiceGroup<ChildRow["kind"]>
                legend={t("child.label", { n })}
                mode="single"
                name={`child-${i}-kind`}
                value={[child.kind]}
                onChange={([kind]) => setChild(i, { kind: kind ?? "born", date: "" })}
                options={[
                  { value: "born", label: t("child.born") },
                  { value: "expected", label: t("child.expected") },
                ]}
              />
              <DateField
                label={t(child.kind === "born" ? "child.bornOn" : "child.expectedOn", { n })}
                name={field}
                value={child.date}
                error={err(field)}
                max={child.kind === "born" ? todayIso() : undefined}
                min={child.kind === "expected" ? todayIso() : undefined}
                onChange={(date) => setChild(i, { ...child, date })}
              />
              {f.children.length > 1 && (
                <Button
                  appearance="subtle"
                  onClick={() =>
                    set(
                      "children",
                      f.children.filter((_, j) => j !== i),
                    )
                  }
                >
                  {t("child.remove", { n })}
                </Button>
              )}
            </div>
          );
        })}
        {f.children.length < 12 && (
          <Button onClick={() => set("children", [...f.children, { kind: "born", date: "" }])}>{t("child.add")}</Button>
        )}
      </fieldset>
      <TextAreaField
        label={t("wish.label")}
        description={t("wish.hint")}
        name="supportWish"
        value={f.wish}
        maxLength={1000}
        rows={3}
        error={err("supportWish")}
        onChange={(event) => set("wish", event.target.value)}
      />
      <div className="rg-actions">
        <Button type="submit" appearance="primary">
          {t("app.next")}
        </Button>
        <Button onClick={onBack}>{t("app.back")}</Button>
      </div>
    </form>
  );
}

const DETAIL_FIELDS = /^(parent\.|children|referrer\.(?!parentsAgreed)|supportWish)/;

export function ConsentStep({
  municipality,
  source,
  form,
  onBack,
  onDetailsRefused,
  onNotOffered,
  onDone,
}: {
  municipality: MunicipalityChoice;
  source: Source;
  form: RegistrationForm;
  onBack: () => void;
  onDetailsRefused: (errors: Errors) => void;
  onNotOffered: () => void;
  onDone: (receipt: { callBackWorkingDays: number; confirmationEmail: boolean }) => void;
}) {
  const { t, locale } = useLocale();
  const language = useApiLanguage();
  const [result] = useQuery({ query: RegistrationOfferQuery, variables: { municipalityId: municipality.id, language } });
  const [submission, submitRegistration] = useMutation(SubmitRegistrationMutation);
  const [given, setGiven] = useState<ConsentType[]>([]);
  const [agreed, setAgreed] = useState(false);
  const [website, setWebsite] = useState("");
  const [errors, setErrors] = useState<Errors>({});
  const [problem, setProblem] = useState<string | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const offer = result.data?.registrationOffer;
  if (!offer) return result.error ? <Alert type="error">{t("app.networkError")}</Alert> : <Busy />;
  const consents = offer.consents.filter((c) => source === "REFERRER" || !c.referrerOnly);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found: Errors = {};
    for (const c of consents) if (c.required && !given.includes(c.type)) found[`consent.${c.type}`] = t("consents.missing");
    if (source === "REFERRER" && !agreed) found["referrer.parentsAgreedToBeCalled"] = t("consents.agreedMissing");
    setErrors(found);
    setProblem(null);
    if (Object.keys(found).length > 0) {
      focusFirstInvalid(formRef.current);
      return;
    }
    const answer = await submitRegistration({
      input: {
        municipalityId: municipality.id,
        language,
        registeredBy: source,
        parent: { firstName: form.firstName, lastName: form.lastName, phone: form.phone || null, email: form.email || null },
        children: form.children.map((c) => (c.kind === "born" ? { bornOn: c.date } : { expectedOn: c.date })),
        supportWish: form.wish || null,
        consents: given,
        consentTextVersion: offer.consentTextVersion,
        referrer:
          source === "REFERRER"
            ? {
                type: form.referrerType,
                name: form.referrerName,
                organisation: form.referrerOrganisation || null,
                phone: form.referrerPhone || null,
                email: form.referrerEmail || null,
                parentsAgreedToBeCalled: agreed,
              }
            : null,
        website: website || null,
      },
    });
    const data = answer.data?.submitRegistration;
    if (!data) {
      setProblem(t("error.network"));
      return;
    }
    if (data.__typename === "SubmitRegistrationSuccess") {
      onDone(data.registration);
      return;
    }
    // A refusal: the API's own words in Dutch or English, otherwise our translation of the kind of problem.
    const message = locale === "nl" || locale === "en" ? data.message[locale] : t("error.field");
    if (data.code === "TOO_MANY_ATTEMPTS") setProblem(t("error.tooMany"));
    else if (data.code === "NOT_OFFERED") onNotOffered();
    else if (data.code === "CONSENT_TEXT_CHANGED") setProblem(t("error.changed"));
    else if (data.field && DETAIL_FIELDS.test(data.field)) onDetailsRefused({ [data.field]: message });
    else if (data.field === "referrer.parentsAgreedToBeCalled") setErrors({ [data.field]: t("consents.agreedMissing") });
    else setProblem(message);
  };

  return (
    <form ref={formRef} noValidate onSubmit={submit}>
      <StepHeading step="consents" title={t("consents.title")}>
        <p className="rg-lead">{t(source === "SELF" ? "consents.leadSelf" : "consents.leadReferrer")}</p>
      </StepHeading>
      {problem && (
        <Alert type="error" role="alert">
          {problem}
        </Alert>
      )}
      {consents.map((c) => (
        <div className="rg-consent" key={c.type} data-consent={c.type}>
          <ChoiceGroup<ConsentType>
            legend={`${c.title} (${t(c.required ? "consents.required" : "consents.optional")})`}
            description={c.explanation}
            mode="multiple"
            name={`consent-${c.type}`}
            value={given.filter((g) => g === c.type)}
            error={errors[`consent.${c.type}`] ?? null}
            onChange={(v) =>
              setGiven((old) => (v.includes(c.type) ? [...old.filter((g) => g !== c.type), c.type] : old.filter((g) => g !== c.type)))
            }
            options={[{ value: c.type, label: c.text }]}
          />
        </div>
      ))}
      {source === "REFERRER" && (
        <div className="rg-consent" data-consent="PARENTS_AGREED">
          <ChoiceGroup<"agreed">
            legend={t("consents.agreedLegend")}
            mode="multiple"
            name="parents-agreed"
            value={agreed ? ["agreed"] : []}
            error={errors["referrer.parentsAgreedToBeCalled"] ?? null}
            onChange={(v) => setAgreed(v.includes("agreed"))}
            options={[{ value: "agreed", label: t("consents.agreed") }]}
          />
        </div>
      )}
      <div className="rg-honeypot" aria-hidden="true">
        <label htmlFor="rg-website">{t("honeypot")}</label>
        <input
          id="rg-website"
          name="website"
          type="text"
          tabIndex={-1}
          autoComplete="off"
          value={website}
          onChange={(e) => setWebsite(e.target.value)}
        />
      </div>
      <div className="rg-actions">
        <Button type="submit" appearance="primary" busy={submission.fetching}>
          {t("consents.submit")}
        </Button>
        <Button onClick={onBack}>{t("app.back")}</Button>
      </div>
    </form>
  );
}

export function DoneStep({
  receipt,
  source,
  onAgain,
}: {
  receipt: { callBackWorkingDays: number; confirmationEmail: boolean };
  source: Source;
  onAgain: () => void;
}) {
  const { t } = useLocale();
  return (
    <>
      <StepHeading step="done" title={t("done.title")} />
      <Alert type="ok">
        <p className="rg-lead" data-receipt="call">
          {t(source === "SELF" ? "done.callSelf" : "done.callReferrer", { days: receipt.callBackWorkingDays })}
        </p>
        {receipt.confirmationEmail && <p>{t("done.email")}</p>}
      </Alert>
      <div className="rg-actions">
        <Button onClick={onAgain}>{t("done.again")}</Button>
      </div>
    </>
  );
}
