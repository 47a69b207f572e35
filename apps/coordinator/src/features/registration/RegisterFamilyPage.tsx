import {
  Button,
  ChoiceGroup,
  DateField,
  FormProblem,
  fieldError,
  Heading,
  type Problem,
  QueryView,
  SelectField,
  TextAreaField,
  TextField,
  useLocalized,
  usePageTitle,
  useRefusableMutation,
} from "@homestart/ui";
import { type FormEvent, useState } from "react";
import { useQuery } from "urql";
import { Link, useLocation } from "wouter";
import type { ConsentType, ReferrerType, RegisterFamilyInput, RegistrationSource } from "../../gql/graphql.ts";
import { graphql } from "../../gql/index.ts";
import { useAppT } from "../../i18n.ts";

const RegistrationOptionsQuery = graphql(`
  query RegistrationOptions {
    me {
      id
      locations {
        id
        name
        registrationMunicipalities {
          id
          name
        }
      }
    }
  }
`);

const RegisterFamilyMutation = graphql(`
  mutation RegisterFamily($input: RegisterFamilyInput!) {
    registerFamily(input: $input) {
      __typename
      ... on RegisterFamilySuccess {
        family {
          id
        }
      }
      ... on Refusal {
        code
        field
        message {
          nl
          en
        }
        reasons {
          code
          message {
            nl
            en
          }
        }
      }
    }
  }
`);

const REFERRER_TYPES: ReferrerType[] = ["DISTRICT_NURSE", "GP", "SOCIAL_WORKER", "PRESCHOOL", "CHILDCARE", "YOUTH_CARE", "CJG", "OTHER"];
const OPTIONAL_CONSENTS: ConsentType[] = ["PROCESSING", "NOTIFY_REFERRER_START_END", "SHARE_DETAILS_WITH_REFERRER"];

interface ParentDraft {
  firstName: string;
  lastName: string;
  phone: string;
  email: string;
}
interface ChildDraft {
  key: number;
  firstName: string;
  unborn: boolean;
  date: string;
}

const emptyParent = (): ParentDraft => ({ firstName: "", lastName: "", phone: "", email: "" });
let childKey = 0;
const emptyChild = (): ChildDraft => ({ key: childKey++, firstName: "", unborn: false, date: "" });

/** Aanmelden: one form for a family that called or was referred; the API checks licence and consent. */
export function RegisterFamilyPage() {
  const t = useAppT();
  usePageTitle(t("register.title"));
  const [answer, reexecute] = useQuery({ query: RegistrationOptionsQuery });
  return (
    <>
      <p className="hs-back">
        <Link href="/gezinnen" className="utrecht-link utrecht-link--html-a hs-back-link">
          <span aria-hidden="true">← </span>
          {t("family.back")}
        </Link>
      </p>
      <Heading level={1}>{t("register.title")}</Heading>
      <p className="utrecht-paragraph">{t("register.lead")}</p>
      <QueryView result={answer} retry={() => reexecute({ requestPolicy: "network-only" })}>
        {(data) => <RegisterFamilyForm locations={data.me?.locations ?? []} />}
      </QueryView>
    </>
  );
}

type Location = { id: string; name: string; registrationMunicipalities: Array<{ id: string; name: string }> };

function RegisterFamilyForm({ locations }: { locations: Location[] }) {
  const t = useAppT();
  const localized = useLocalized();
  const [, navigate] = useLocation();
  const [locationId, setLocationId] = useState(locations[0]?.id ?? "");
  const location = locations.find((l) => l.id === locationId);
  const [municipalityId, setMunicipalityId] = useState("");
  const [source, setSource] = useState<RegistrationSource>("REFERRER");
  const [referrer, setReferrer] = useState({ type: "DISTRICT_NURSE" as ReferrerType, name: "", organisation: "", email: "", phone: "" });
  const [parents, setParents] = useState<ParentDraft[]>([emptyParent()]);
  const [children, setChildren] = useState<ChildDraft[]>([emptyChild()]);
  const [postcode, setPostcode] = useState("");
  const [address, setAddress] = useState("");
  const [callConsent, setCallConsent] = useState(false);
  const [consents, setConsents] = useState<ConsentType[]>([]);
  const [note, setNote] = useState("");
  const [problem, setProblem] = useState<Problem | null>(null);
  const { run, busy } = useRefusableMutation(RegisterFamilyMutation, (d) => d.registerFamily);

  const error = (field: string) => fieldError(problem, field, localized);
  const setParent = (i: number, change: Partial<ParentDraft>) => setParents(parents.map((p, j) => (j === i ? { ...p, ...change } : p)));
  const setChild = (key: number, change: Partial<ChildDraft>) =>
    setChildren(children.map((c) => (c.key === key ? { ...c, ...change } : c)));

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const input: RegisterFamilyInput = {
      locationId: locationId || null,
      municipalityId,
      source,
      referrer: source === "REFERRER" ? referrer : null,
      parents: parents.map((p) => ({ ...p, phone: p.phone || null, email: p.email || null })),
      children: children.map((c) => ({
        firstName: c.firstName || null,
        bornOn: c.unborn ? null : c.date || null,
        expectedOn: c.unborn ? c.date || null : null,
      })),
      postcode: postcode || null,
      address: address || null,
      consents: [...(callConsent ? (["CONTACT_BY_COORDINATOR"] as const) : []), ...consents],
      note: note || null,
    };
    const outcome = await run({ input });
    if (!outcome) return;
    if (outcome.kind === "ok" && "family" in outcome.data) {
      navigate(`/gezinnen/${encodeURIComponent(outcome.data.family.id)}`);
      return;
    }
    setProblem(outcome.kind === "refused" ? { refusal: outcome.refusal } : outcome.kind === "failed" ? { failure: outcome.reason } : null);
  };

  return (
    <form className="hs-form" noValidate onSubmit={onSubmit} aria-busy={busy || undefined}>
      <FormProblem problem={problem} />
      <Heading level={2}>{t("register.where")}</Heading>
      {locations.length > 1 && (
        <SelectField
          label={t("register.location")}
          value={locationId}
          onChange={(e) => setLocationId(e.target.value)}
          options={locations.map((l) => ({ value: l.id, label: l.name }))}
        />
      )}
      <SelectField
        label={t("register.municipality")}
        description={t("register.municipalityHint")}
        value={municipalityId}
        onChange={(e) => setMunicipalityId(e.target.value)}
        options={[
          { value: "", label: t("register.chooseMunicipality") },
          ...(location?.registrationMunicipalities ?? []).map((m) => ({ value: m.id, label: m.name })),
        ]}
      />
      {error("municipalityId") && <p className="hs-field__error">{error("municipalityId")}</p>}

      <Heading level={2}>{t("register.who")}</Heading>
      <ChoiceGroup
        legend={t("register.source")}
        mode="single"
        value={[source]}
        onChange={([v]) => v && setSource(v)}
        options={[
          { value: "REFERRER", label: t("source.REFERRER") },
          { value: "SELF", label: t("source.SELF") },
        ]}
        error={error("referrer")}
      />
      {source === "REFERRER" && (
        <fieldset className="hs-fieldset">
          <legend className="utrecht-form-fieldset__legend">{t("register.referrer")}</legend>
          <SelectField
            label={t("register.referrerType")}
            value={referrer.type}
            onChange={(e) => setReferrer({ ...referrer, type: e.target.value as ReferrerType })}
            options={REFERRER_TYPES.map((type) => ({ value: type, label: t(`referrerType.${type}`) }))}
          />
          <TextField
            label={t("register.referrerName")}
            value={referrer.name}
            onChange={(e) => setReferrer({ ...referrer, name: e.target.value })}
            error={error("referrer.name")}
            autoComplete="off"
          />
          <TextField
            label={t("register.referrerOrganisation")}
            value={referrer.organisation}
            onChange={(e) => setReferrer({ ...referrer, organisation: e.target.value })}
            error={error("referrer.organisation")}
          />
          <TextField
            label={t("register.email")}
            type="email"
            value={referrer.email}
            onChange={(e) => setReferrer({ ...referrer, email: e.target.value })}
            error={error("referrer.email")}
          />
          <TextField
            label={t("register.phone")}
            type="tel"
            value={referrer.phone}
            onChange={(e) => setReferrer({ ...referrer, phone: e.target.value })}
            error={error("referrer.phone")}
          />
        </fieldset>
      )}

      <Heading level={2}>{t("register.parents")}</Heading>
      {parents.map((p, i) => (
        <fieldset className="hs-fieldset" key={`parent-${i === 0 ? "first" : "second"}`}>
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
      {parents.length < 2 ? (
        <Button onClick={() => setParents([...parents, emptyParent()])}>{t("register.addParent")}</Button>
      ) : (
        <Button appearance="subtle" onClick={() => setParents(parents.slice(0, 1))}>
          {t("register.removeParent")}
        </Button>
      )}
      {error("parents") && <p className="hs-field__error">{error("parents")}</p>}

      <Heading level={2}>{t("register.children")}</Heading>
      {error("children") && <p className="hs-field__error">{error("children")}</p>}
      {children.map((c, i) => (
        <fieldset className="hs-fieldset" key={c.key}>
          <legend className="utrecht-form-fieldset__legend">{t("register.child", { n: i + 1 })}</legend>
          <ChoiceGroup
            legend={t("register.childBornOrExpected")}
            mode="single"
            value={[c.unborn ? "expected" : "born"]}
            onChange={([v]) => setChild(c.key, { unborn: v === "expected" })}
            options={[
              { value: "born", label: t("register.born") },
              { value: "expected", label: t("register.expected") },
            ]}
          />
          {!c.unborn && (
            <TextField
              label={t("register.firstName")}
              value={c.firstName}
              onChange={(e) => setChild(c.key, { firstName: e.target.value })}
            />
          )}
          <DateField
            label={t(c.unborn ? "register.expectedOn" : "register.bornOn")}
            value={c.date}
            onChange={(date) => setChild(c.key, { date })}
            error={error(`children.${i}.bornOn`) ?? error(`children.${i}.expectedOn`)}
          />
          {children.length > 1 && (
            <Button appearance="subtle" onClick={() => setChildren(children.filter((x) => x.key !== c.key))}>
              {t("register.removeChild")}
            </Button>
          )}
        </fieldset>
      ))}
      <Button onClick={() => setChildren([...children, emptyChild()])}>{t("register.addChild")}</Button>

      <Heading level={2}>{t("register.address")}</Heading>
      <TextField
        label={t("register.postcode")}
        value={postcode}
        onChange={(e) => setPostcode(e.target.value)}
        error={error("postcode")}
        autoComplete="off"
      />
      <TextField
        label={t("register.street")}
        value={address}
        onChange={(e) => setAddress(e.target.value)}
        error={error("address")}
        autoComplete="off"
      />

      <Heading level={2}>{t("register.consents")}</Heading>
      <ChoiceGroup
        legend={t("register.callConsent")}
        description={t("register.callConsentHint")}
        mode="multiple"
        value={callConsent ? ["CONTACT_BY_COORDINATOR"] : []}
        onChange={(v) => setCallConsent(v.includes("CONTACT_BY_COORDINATOR"))}
        options={[{ value: "CONTACT_BY_COORDINATOR", label: t("consent.CONTACT_BY_COORDINATOR") }]}
        error={error("consents")}
      />
      <ChoiceGroup
        legend={t("register.otherConsents")}
        description={t("register.otherConsentsHint")}
        mode="multiple"
        value={consents}
        onChange={setConsents}
        options={OPTIONAL_CONSENTS.map((type) => ({ value: type, label: t(`consent.${type}`) }))}
      />
      <TextAreaField
        label={t("register.note")}
        description={t("register.noteHint")}
        value={note}
        onChange={(e) => setNote(e.target.value)}
        error={error("note")}
      />
      <div className="hs-form__actions">
        <Button type="submit" appearance="primary" busy={busy}>
          {busy ? t("form.saving") : t("register.submit")}
        </Button>
      </div>
    </form>
  );
}
