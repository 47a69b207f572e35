import {
  Alert,
  Button,
  ChoiceGroup,
  DateField,
  FormProblem,
  fieldError,
  Heading,
  NotFound,
  type Problem,
  QueryView,
  SelectField,
  TextField,
  useLocale,
  useLocalized,
  usePageTitle,
  useRefusableMutation,
} from "@homestart/ui";
import { type FormEvent, useState } from "react";
import { useClient, useQuery } from "urql";
import { Link, useLocation } from "wouter";
import type { VolunteerDetailsInput, VolunteerEditQuery, VolunteerStatus } from "../../gql/graphql.ts";
import { graphql } from "../../gql/index.ts";
import { useAppT } from "../../i18n.ts";
import { label } from "../../labels.ts";
import { COMMON_LANGUAGES, DAY_PARTS, EXPERIENCE_GROUPS, languageName, VOLUNTEER_STATUSES, WEEKDAYS } from "./labels.ts";
import "../visits/work.css";

const VolunteerFormOptionsQuery = graphql(`
  query VolunteerFormOptions {
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

const VolunteerEditQueryDocument = graphql(`
  query VolunteerEdit($id: ID!) {
    volunteer(id: $id) {
      id
      version
      firstName
      lastName
      email
      phone
      postcode
      status
      vogIssuedOn
      trainingCompletedOn
      languages
      availability
      experienceAgeGroups
      maxFamilies
      municipality {
        id
        name
      }
    }
  }
`);

const CreateVolunteerMutation = graphql(`
  mutation CreateVolunteer($input: CreateVolunteerInput!) {
    createVolunteer(input: $input) {
      __typename
      ... on CreateVolunteerSuccess {
        volunteer {
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

const UpdateVolunteerMutation = graphql(`
  mutation UpdateVolunteer($input: UpdateVolunteerInput!) {
    updateVolunteer(input: $input) {
      __typename
      ... on UpdateVolunteerSuccess {
        volunteer {
          id
          version
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

type Existing = NonNullable<VolunteerEditQuery["volunteer"]>;
type Location = { id: string; name: string; registrationMunicipalities: Array<{ id: string; name: string }> };

interface Draft {
  firstName: string;
  lastName: string;
  email: string;
  phone: string;
  postcode: string;
  municipalityId: string;
  status: VolunteerStatus;
  vogIssuedOn: string;
  trainingCompletedOn: string;
  languages: string[];
  otherLanguages: string;
  availability: string[];
  experienceAgeGroups: string[];
  maxFamilies: string;
}

function draftOf(v: Existing | null): Draft {
  const common = COMMON_LANGUAGES as readonly string[];
  return {
    firstName: v?.firstName ?? "",
    lastName: v?.lastName ?? "",
    email: v?.email ?? "",
    phone: v?.phone ?? "",
    postcode: v?.postcode ?? "",
    municipalityId: v?.municipality?.id ?? "",
    status: v?.status ?? "APPLICANT",
    vogIssuedOn: v?.vogIssuedOn ?? "",
    trainingCompletedOn: v?.trainingCompletedOn ?? "",
    languages: (v?.languages ?? ["nl"]).filter((l) => common.includes(l)),
    otherLanguages: (v?.languages ?? []).filter((l) => !common.includes(l)).join(", "),
    availability: v?.availability ?? [],
    experienceAgeGroups: v?.experienceAgeGroups ?? [],
    maxFamilies: String(v?.maxFamilies ?? 1),
  };
}

function detailsOf(d: Draft): VolunteerDetailsInput {
  const other = d.otherLanguages
    .split(/[,\s]+/)
    .map((s) => s.trim().toLowerCase())
    .filter(Boolean);
  return {
    firstName: d.firstName,
    lastName: d.lastName,
    email: d.email.trim() || null,
    phone: d.phone.trim() || null,
    postcode: d.postcode.trim() || null,
    municipalityId: d.municipalityId || null,
    status: d.status,
    vogIssuedOn: d.vogIssuedOn || null,
    trainingCompletedOn: d.trainingCompletedOn || null,
    languages: [...new Set([...d.languages, ...other])],
    availability: d.availability,
    experienceAgeGroups: d.experienceAgeGroups,
    maxFamilies: /^\d+$/.test(d.maxFamilies.trim()) ? Number(d.maxFamilies) : null,
  };
}

/** Vrijwilliger toevoegen. */
export function NewVolunteerPage() {
  const t = useAppT();
  usePageTitle(t("volunteerForm.newTitle"));
  const [options, reexecute] = useQuery({ query: VolunteerFormOptionsQuery });
  return (
    <>
      <BackLink href="/vrijwilligers" text={t("volunteer.back")} />
      <Heading level={1}>{t("volunteerForm.newTitle")}</Heading>
      <QueryView result={options} retry={() => reexecute({ requestPolicy: "network-only" })}>
        {(data) => <VolunteerForm locations={data.me?.locations ?? []} existing={null} />}
      </QueryView>
    </>
  );
}

/** A volunteer's details changed, with the version seen: a CONFLICT keeps what was typed. */
export function EditVolunteerPage({ id }: { id: string }) {
  const t = useAppT();
  const client = useClient();
  const [options] = useQuery({ query: VolunteerFormOptionsQuery });
  const [answer, reexecute] = useQuery({ query: VolunteerEditQueryDocument, variables: { id } });
  const result = answer.error ? { ...answer, data: undefined } : answer;
  const back = `/vrijwilligers/${encodeURIComponent(id)}`;
  return (
    <>
      <BackLink href={back} text={t("volunteerForm.cancel")} />
      <QueryView result={result} retry={() => reexecute({ requestPolicy: "network-only" })}>
        {(data) =>
          data.volunteer ? (
            <EditView
              existing={data.volunteer}
              locations={options.data?.me?.locations ?? []}
              reload={() => client.query(VolunteerEditQueryDocument, { id }, { requestPolicy: "network-only" }).toPromise()}
            />
          ) : (
            <NotFound title={t("volunteer.notFoundTitle")} back={{ href: "/vrijwilligers", label: t("volunteer.back") }}>
              <p>{t("volunteer.notFoundText")}</p>
            </NotFound>
          )
        }
      </QueryView>
    </>
  );
}

function EditView({ existing, locations, reload }: { existing: Existing; locations: Location[]; reload: () => Promise<unknown> }) {
  const t = useAppT();
  const title = t("volunteerForm.editTitle", { name: `${existing.firstName} ${existing.lastName}` });
  usePageTitle(title);
  // "Load the latest version" starts the form again from the stored details once they are in;
  // other refreshes never replace what is being typed.
  const [generation, setGeneration] = useState(0);
  return (
    <>
      <Heading level={1}>{title}</Heading>
      <VolunteerForm
        key={generation}
        locations={locations}
        existing={existing}
        onReloadLatest={async () => {
          await reload();
          setGeneration((g) => g + 1);
        }}
      />
    </>
  );
}

function BackLink({ href, text }: { href: string; text: string }) {
  return (
    <p className="hs-back">
      <Link href={href} className="utrecht-link utrecht-link--html-a hs-back-link">
        <span aria-hidden="true">← </span>
        {text}
      </Link>
    </p>
  );
}

function VolunteerForm({
  locations,
  existing,
  onReloadLatest,
}: {
  locations: Location[];
  existing: Existing | null;
  onReloadLatest?: () => void | Promise<void>;
}) {
  const t = useAppT();
  const localized = useLocalized();
  const { locale } = useLocale();
  const [, navigate] = useLocation();
  const [draft, setDraft] = useState<Draft>(() => draftOf(existing));
  // The version the form was opened with: sent back so a change by someone else is refused.
  const [version] = useState(existing?.version ?? 0);
  const [locationId, setLocationId] = useState(locations[0]?.id ?? "");
  const [problem, setProblem] = useState<Problem | null>(null);
  const create = useRefusableMutation(CreateVolunteerMutation, (d) => d.createVolunteer);
  const update = useRefusableMutation(UpdateVolunteerMutation, (d) => d.updateVolunteer);
  const busy = create.busy || update.busy;
  const set = (change: Partial<Draft>) => setDraft((d) => ({ ...d, ...change }));
  const error = (field: string) => fieldError(problem, `details.${field}`, localized);
  const conflict = problem && "refusal" in problem && problem.refusal.code === "CONFLICT";

  const municipalities = new Map<string, string>();
  for (const l of locations) for (const m of l.registrationMunicipalities) municipalities.set(m.id, m.name);
  if (existing?.municipality) municipalities.set(existing.municipality.id, existing.municipality.name);

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const details = detailsOf(draft);
    const outcome = existing
      ? await update.run({ input: { id: existing.id, version, details } })
      : await create.run({ input: { locationId: locations.length > 1 ? locationId || null : null, details } });
    if (!outcome) return;
    if (outcome.kind === "ok" && "volunteer" in outcome.data) {
      navigate(`/vrijwilligers/${encodeURIComponent(outcome.data.volunteer.id)}`);
      return;
    }
    setProblem(outcome.kind === "refused" ? { refusal: outcome.refusal } : outcome.kind === "failed" ? { failure: outcome.reason } : null);
  };

  return (
    <form className="hs-form" noValidate onSubmit={onSubmit} aria-busy={busy || undefined}>
      <FormProblem problem={problem} />
      {conflict && (
        <Alert type="info">
          <p>{t("volunteerForm.conflictHint")}</p>
          {onReloadLatest && <Button onClick={onReloadLatest}>{t("volunteerForm.reloadLatest")}</Button>}
        </Alert>
      )}
      <Heading level={2}>{t("volunteerForm.person")}</Heading>
      {!existing && locations.length > 1 && (
        <SelectField
          label={t("register.location")}
          value={locationId}
          onChange={(e) => setLocationId(e.target.value)}
          options={locations.map((l) => ({ value: l.id, label: l.name }))}
        />
      )}
      <div className="hs-form-grid">
        <TextField
          label={t("volunteerForm.firstName")}
          value={draft.firstName}
          onChange={(e) => set({ firstName: e.target.value })}
          error={error("firstName")}
          autoComplete="off"
        />
        <TextField
          label={t("volunteerForm.lastName")}
          value={draft.lastName}
          onChange={(e) => set({ lastName: e.target.value })}
          error={error("lastName")}
          autoComplete="off"
        />
        <TextField
          label={t("volunteerForm.email")}
          type="email"
          value={draft.email}
          onChange={(e) => set({ email: e.target.value })}
          error={error("email")}
          autoComplete="off"
        />
        <TextField
          label={t("volunteerForm.phone")}
          type="tel"
          value={draft.phone}
          onChange={(e) => set({ phone: e.target.value })}
          error={error("phone")}
          autoComplete="off"
        />
        <TextField
          label={t("volunteerForm.postcode")}
          value={draft.postcode}
          onChange={(e) => set({ postcode: e.target.value })}
          error={error("postcode")}
          autoComplete="off"
        />
        <SelectField
          label={t("volunteerForm.municipality")}
          value={draft.municipalityId}
          onChange={(e) => set({ municipalityId: e.target.value })}
          options={[
            { value: "", label: t("volunteerForm.noMunicipality") },
            ...[...municipalities].map(([value, name]) => ({ value, label: name })),
          ]}
        />
      </div>
      {error("municipalityId") && <p className="hs-field__error">{error("municipalityId")}</p>}

      <Heading level={2}>{t("volunteerForm.screening")}</Heading>
      <div className="hs-form-grid">
        <SelectField
          label={t("volunteerForm.status")}
          value={draft.status}
          onChange={(e) => set({ status: e.target.value as VolunteerStatus })}
          options={VOLUNTEER_STATUSES.map((s) => ({ value: s, label: label(t, "vStatus", s) }))}
        />
        <DateField
          label={t("volunteerForm.vogIssuedOn")}
          value={draft.vogIssuedOn}
          onChange={(vogIssuedOn) => set({ vogIssuedOn })}
          error={error("vogIssuedOn")}
        />
        <DateField
          label={t("volunteerForm.trainingCompletedOn")}
          value={draft.trainingCompletedOn}
          onChange={(trainingCompletedOn) => set({ trainingCompletedOn })}
          error={error("trainingCompletedOn")}
        />
      </div>
      {error("status") && <p className="hs-field__error">{error("status")}</p>}

      <Heading level={2}>{t("volunteerForm.fit")}</Heading>
      <div className="hs-choice-row">
        <ChoiceGroup
          legend={t("volunteerForm.languages")}
          mode="multiple"
          value={draft.languages}
          onChange={(languages) => set({ languages })}
          options={COMMON_LANGUAGES.map((code) => ({ value: code, label: languageName(code, locale) }))}
          error={error("languages")}
        />
      </div>
      <TextField
        label={t("volunteerForm.otherLanguages")}
        description={t("volunteerForm.otherLanguagesHint")}
        value={draft.otherLanguages}
        onChange={(e) => set({ otherLanguages: e.target.value })}
        autoComplete="off"
      />
      <div className="hs-choice-row">
        <ChoiceGroup
          legend={t("volunteerForm.experience")}
          mode="multiple"
          value={draft.experienceAgeGroups}
          onChange={(experienceAgeGroups) => set({ experienceAgeGroups })}
          options={EXPERIENCE_GROUPS.map((g) => ({ value: g, label: label(t, "experience", g) }))}
          error={error("experienceAgeGroups")}
        />
      </div>
      <Heading level={3}>{t("volunteerForm.availability")}</Heading>
      {error("availability") && <p className="hs-field__error">{error("availability")}</p>}
      {DAY_PARTS.map((part) => {
        const slots = WEEKDAYS.map((day) => `${day}_${part}`);
        return (
          <div className="hs-choice-row" key={part}>
            <ChoiceGroup
              legend={t(`dayPart.legend.${part}`)}
              mode="multiple"
              value={draft.availability.filter((s) => slots.includes(s))}
              onChange={(chosen) => set({ availability: [...draft.availability.filter((s) => !slots.includes(s)), ...chosen] })}
              options={WEEKDAYS.map((day) => ({ value: `${day}_${part}`, label: t(`day.${day}`) }))}
            />
          </div>
        );
      })}
      <TextField
        label={t("volunteerForm.maxFamilies")}
        inputMode="numeric"
        value={draft.maxFamilies}
        onChange={(e) => set({ maxFamilies: e.target.value })}
        error={error("maxFamilies")}
      />
      <div className="hs-form__actions">
        <Button type="submit" appearance="primary" busy={busy}>
          {busy ? t("form.saving") : existing ? t("volunteerForm.save") : t("volunteerForm.create")}
        </Button>
      </div>
    </form>
  );
}
