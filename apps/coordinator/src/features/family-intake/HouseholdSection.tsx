import {
  Alert,
  Button,
  ChoiceGroup,
  FormProblem,
  fieldError,
  Heading,
  type Problem,
  SelectField,
  TextAreaField,
  TextField,
  useFormat,
  useLocale,
  useLocalized,
  useRefusableMutation,
} from "@homestart/ui";
import { type FormEvent, useState } from "react";
import type { HouseholdType, RiskFactor } from "../../gql/graphql.ts";
import { graphql } from "../../gql/index.ts";
import { useAppT } from "../../i18n.ts";
import { label, riskFactorLabel } from "../../labels.ts";
import { type FamilyRecord, isConflict, problemOf, type SectionProps, versionOf } from "../families/family-types.ts";
import { languageName } from "../families/language.ts";

const UpdateFamilyMutation = graphql(`
  mutation UpdateFamily($input: UpdateFamilyInput!) {
    updateFamily(input: $input) {
      __typename
      ... on UpdateFamilySuccess {
        family {
          id
          version
        }
      }
      ...FamilyRefusalParts
    }
  }
`);

const RISK_FACTORS: RiskFactor[] = ["PSYCHOLOGICAL", "PARENTING", "PHYSICAL", "LIVING_ENVIRONMENT", "FINANCIAL", "LIMITED_NETWORK"];
const HOUSEHOLDS: HouseholdType[] = ["SINGLE_PARENT", "TWO_PARENTS", "OTHER"];

/** The family's details (referral, household, risk factors, address, note) and the form to change them. */
export function HouseholdSection({ family, refresh }: SectionProps) {
  const t = useAppT();
  const format = useFormat();
  const { locale } = useLocale();
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);
  const list = (items: readonly string[]) => (items.length > 0 ? items.join(", ") : t("family.none"));
  const referrer = family.referral?.referrer;
  return (
    <section className="hs-box hs-family__facts" aria-labelledby="family-facts" data-section="facts">
      <Heading level={2} id="family-facts">
        {t("family.facts")}
      </Heading>
      <dl className="hs-facts">
        <div>
          <dt>{t("family.registeredOn")}</dt>
          <dd>{format.date(family.registeredOn, "long")}</dd>
        </div>
        <div>
          <dt>{t("family.source")}</dt>
          <dd>{label(t, "source", family.source)}</dd>
        </div>
        {referrer && (
          <div>
            <dt>{t("register.referrer")}</dt>
            <dd>
              {[referrer.name, referrer.organisation, label(t, "referrerType", referrer.type)].filter(Boolean).join(", ")}
              {referrer.email && <div>{referrer.email}</div>}
              {referrer.phone && <div>{referrer.phone}</div>}
            </dd>
          </div>
        )}
        <div>
          <dt>{t("family.householdType")}</dt>
          <dd>{family.householdType ? label(t, "household", family.householdType) : t("family.unknown")}</dd>
        </div>
        <div>
          <dt>{t("family.municipality")}</dt>
          <dd>{family.municipality.name}</dd>
        </div>
        <div>
          <dt>{t("family.location")}</dt>
          <dd>{family.location.name}</dd>
        </div>
        <div>
          <dt>{t("register.postcode")}</dt>
          <dd>{family.postcode || t("family.unknown")}</dd>
        </div>
        <div>
          <dt>{t("register.street")}</dt>
          <dd>{family.address || t("family.unknown")}</dd>
        </div>
        <div>
          <dt>{t("family.languages")}</dt>
          <dd>{list(family.languages.map((code) => languageName(code, locale)))}</dd>
        </div>
        <div>
          <dt>{t("family.riskFactors")}</dt>
          <dd data-risk-factors>{list(family.riskFactors.map((r) => riskFactorLabel(t, r)))}</dd>
        </div>
        <div>
          <dt>{t("household.note")}</dt>
          <dd className="hs-pre-line">{family.note || t("family.none")}</dd>
        </div>
      </dl>
      {saved && !editing && (
        <Alert type="ok" role="status">
          <p>{t("form.saved")}</p>
        </Alert>
      )}
      {editing ? (
        <HouseholdForm
          family={family}
          refresh={refresh}
          onDone={(version) => {
            setEditing(false);
            setSaved(true);
            refresh(version);
          }}
          onCancel={() => setEditing(false)}
        />
      ) : (
        <Button
          onClick={() => {
            setSaved(false);
            setEditing(true);
          }}
        >
          {t("household.edit")}
        </Button>
      )}
    </section>
  );
}

interface FormProps {
  family: FamilyRecord;
  refresh: () => void;
  onDone: (version?: number) => void;
  onCancel: () => void;
}

/**
 * Sends the family's `version` as it was last loaded: when someone else saved in between, the API answers
 * CONFLICT; the form keeps what was typed and offers to load the latest version, then save again.
 */
function HouseholdForm({ family, refresh, onDone, onCancel }: FormProps) {
  const t = useAppT();
  const localized = useLocalized();
  const [parents, setParents] = useState(
    family.parents.map((p) => ({ id: p.id, firstName: p.firstName, lastName: p.lastName, phone: p.phone ?? "", email: p.email ?? "" })),
  );
  const [householdType, setHouseholdType] = useState<string>(family.householdType ?? "");
  const [riskFactors, setRiskFactors] = useState<RiskFactor[]>([...family.riskFactors]);
  const [postcode, setPostcode] = useState(family.postcode ?? "");
  const [address, setAddress] = useState(family.address ?? "");
  const [languages, setLanguages] = useState(family.languages.join(", "));
  const [note, setNote] = useState(family.note ?? "");
  const [problem, setProblem] = useState<Problem | null>(null);
  const { run, busy } = useRefusableMutation(UpdateFamilyMutation, (d) => d.updateFamily);
  const error = (field: string) => fieldError(problem, field, localized);
  const setParent = (i: number, change: Partial<(typeof parents)[number]>) =>
    setParents(parents.map((p, j) => (j === i ? { ...p, ...change } : p)));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const outcome = await run({
      input: {
        familyId: family.id,
        version: family.version,
        parents: parents.map((p) => ({ ...p, phone: p.phone.trim() || null, email: p.email.trim() || null })),
        householdType: (householdType || null) as HouseholdType | null,
        riskFactors,
        postcode,
        address,
        languages: languages
          .split(",")
          .map((l) => l.trim())
          .filter(Boolean),
        note,
      },
    });
    if (outcome?.kind === "ok") onDone(versionOf(outcome));
    else if (outcome) setProblem(problemOf(outcome));
  };

  return (
    <form
      className="hs-form hs-inline-form"
      noValidate
      onSubmit={submit}
      aria-labelledby="household-edit-title"
      aria-busy={busy || undefined}
    >
      <Heading level={3} id="household-edit-title">
        {t("household.editTitle")}
      </Heading>
      <FormProblem problem={problem} />
      {isConflict(problem) && (
        <div className="hs-conflict" data-conflict>
          <p>{t("household.conflict")}</p>
          <Button onClick={() => refresh()}>{t("household.loadLatest")}</Button>
        </div>
      )}
      {parents.map((p, i) => (
        <fieldset className="hs-fieldset" key={p.id}>
          <legend className="utrecht-form-fieldset__legend">{t(i === 0 ? "register.parent1" : "register.parent2")}</legend>
          <TextField
            label={t("register.firstName")}
            value={p.firstName}
            onChange={(e) => setParent(i, { firstName: e.target.value })}
            error={error(`parents.${i}.firstName`)}
          />
          <TextField
            label={t("register.lastName")}
            value={p.lastName}
            onChange={(e) => setParent(i, { lastName: e.target.value })}
            error={error(`parents.${i}.lastName`)}
          />
          <TextField
            label={t("register.phone")}
            type="tel"
            value={p.phone}
            onChange={(e) => setParent(i, { phone: e.target.value })}
            error={error(`parents.${i}.phone`)}
          />
          <TextField
            label={t("register.email")}
            type="email"
            value={p.email}
            onChange={(e) => setParent(i, { email: e.target.value })}
            error={error(`parents.${i}.email`)}
          />
        </fieldset>
      ))}
      <SelectField
        label={t("family.householdType")}
        value={householdType}
        onChange={(e) => setHouseholdType(e.target.value)}
        options={[
          ...(family.householdType ? [] : [{ value: "", label: t("family.unknown") }]),
          ...HOUSEHOLDS.map((h) => ({ value: h, label: label(t, "household", h) })),
        ]}
      />
      <ChoiceGroup
        legend={t("family.riskFactors")}
        mode="multiple"
        value={riskFactors}
        onChange={setRiskFactors}
        options={RISK_FACTORS.map((r) => ({ value: r, label: riskFactorLabel(t, r) }))}
        error={error("riskFactors")}
      />
      <TextField label={t("register.postcode")} value={postcode} onChange={(e) => setPostcode(e.target.value)} error={error("postcode")} />
      <TextField label={t("register.street")} value={address} onChange={(e) => setAddress(e.target.value)} error={error("address")} />
      <TextField
        label={t("household.languages")}
        description={t("household.languagesHint")}
        value={languages}
        onChange={(e) => setLanguages(e.target.value)}
        error={error("languages")}
      />
      <TextAreaField label={t("household.note")} value={note} onChange={(e) => setNote(e.target.value)} error={error("note")} />
      <div className="hs-form__actions">
        <Button type="submit" appearance="primary" busy={busy}>
          {busy ? t("form.saving") : t("form.save")}
        </Button>
        <Button appearance="subtle" onClick={onCancel}>
          {t("form.cancel")}
        </Button>
      </div>
    </form>
  );
}
