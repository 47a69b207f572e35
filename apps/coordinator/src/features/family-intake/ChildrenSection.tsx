import {
  Button,
  ChoiceGroup,
  DateField,
  FormProblem,
  fieldError,
  Heading,
  type Problem,
  TableHead,
  TextField,
  useFormat,
  useLocalized,
  useRefusableMutation,
} from "@homestart/ui";
import { type FormEvent, useState } from "react";
import { graphql } from "../../gql/index.ts";
import { useAppT } from "../../i18n.ts";
import { label } from "../../labels.ts";
import { type FamilyRecord, problemOf, type SectionProps, versionOf } from "../families/family-types.ts";
import { TableWrap } from "../families/TableWrap.tsx";

const AddChildMutation = graphql(`
  mutation AddChild($input: AddChildInput!) {
    addChild(input: $input) {
      __typename
      ... on AddChildSuccess {
        family {
          id
          version
        }
      }
      ...FamilyRefusalParts
    }
  }
`);

const UpdateChildMutation = graphql(`
  mutation UpdateChild($input: UpdateChildInput!) {
    updateChild(input: $input) {
      __typename
      ... on UpdateChildSuccess {
        family {
          id
          version
        }
      }
      ...FamilyRefusalParts
    }
  }
`);

type Child = FamilyRecord["children"][number];

/** A child's name, or "child without a name" when it has none yet. */
function childName(t: ReturnType<typeof useAppT>, child: Child | undefined): string {
  return child?.firstName?.trim() || t("family.child.unnamed");
}

/** The children: born or expected, whether each makes the family count (the API's verdict), adding one, registering a birth. */
export function ChildrenSection({ family, refresh }: SectionProps) {
  const t = useAppT();
  const format = useFormat();
  const localized = useLocalized();
  const [adding, setAdding] = useState(false);
  const [birthOf, setBirthOf] = useState<string | null>(null);
  const verdicts = new Map(family.eligibility.children.map((c) => [c.ref, c]));
  const date = (value: string) => format.date(value, "short");
  const birthChild = family.children.find((c) => c.id === birthOf);
  return (
    <section className="hs-section hs-family__children" aria-labelledby="family-children" data-section="children">
      <Heading level={2} id="family-children">
        {t("family.children")}
      </Heading>
      {family.children.length === 0 ? (
        <p>{t("family.noChildren")}</p>
      ) : (
        <TableWrap label={t("family.childrenCaption")}>
          <table className="utrecht-table utrecht-table--html-table hs-table">
            <caption className="utrecht-table__caption hs-table__caption">{t("family.childrenCaption")}</caption>
            <TableHead
              columns={[
                t("family.col.child"),
                t("family.col.born"),
                t("family.col.counts"),
                t("family.col.period"),
                t("family.col.reason"),
              ]}
            />
            <tbody className="utrecht-table__body">
              {family.children.map((child) => {
                const verdict = verdicts.get(child.id);
                const name = childName(t, child);
                const period =
                  verdict?.from && verdict.until
                    ? t("family.period", { from: date(verdict.from), until: date(verdict.until) })
                    : verdict?.from
                      ? t("family.periodFrom", { from: date(verdict.from) })
                      : verdict?.until
                        ? t("family.periodUntil", { until: date(verdict.until) })
                        : "–";
                return (
                  <tr key={child.id} className="utrecht-table__row">
                    <th scope="row" className="utrecht-table__header-cell hs-table__row-header">
                      {name}
                    </th>
                    <td className="utrecht-table__cell">
                      {child.bornOn ? (
                        t("family.child.born", { date: date(child.bornOn) })
                      ) : child.expectedOn ? (
                        <>
                          <span className="hs-badge hs-badge--warning">{t("family.child.unborn")}</span>{" "}
                          {t("family.child.expected", { date: date(child.expectedOn) })}
                          <div>
                            <Button appearance="subtle" onClick={() => setBirthOf(child.id)} aria-expanded={birthOf === child.id}>
                              {t("children.registerBirth")}
                            </Button>
                          </div>
                        </>
                      ) : (
                        t("family.unknown")
                      )}
                    </td>
                    <td className="utrecht-table__cell">
                      {verdict ? (
                        <span className={verdict.status === "QUALIFIES" ? "hs-badge hs-badge--ok" : "hs-badge hs-badge--neutral"}>
                          {label(t, "childStatus", verdict.status)}
                        </span>
                      ) : (
                        "–"
                      )}
                    </td>
                    <td className="utrecht-table__cell hs-children__period">
                      {period}
                      {verdict?.untilIsEstimate && <> {t("family.estimate")}</>}
                    </td>
                    <td className="utrecht-table__cell">
                      <div className="hs-children__reason">
                        {verdict ? localized(verdict.reason.message).split(child.id).join(name) : "–"}
                      </div>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableWrap>
      )}
      {birthChild && (
        <BirthForm
          key={birthChild.id}
          family={family}
          child={birthChild}
          onDone={(version) => {
            setBirthOf(null);
            refresh(version);
          }}
          onCancel={() => setBirthOf(null)}
        />
      )}
      {adding ? (
        <AddChildForm
          family={family}
          onDone={(version) => {
            setAdding(false);
            refresh(version);
          }}
          onCancel={() => setAdding(false)}
        />
      ) : (
        <Button onClick={() => setAdding(true)}>{t("children.add")}</Button>
      )}
    </section>
  );
}

interface FormProps {
  family: FamilyRecord;
  onDone: (version?: number) => void;
  onCancel: () => void;
}

function AddChildForm({ family, onDone, onCancel }: FormProps) {
  const t = useAppT();
  const localized = useLocalized();
  const [unborn, setUnborn] = useState(false);
  const [firstName, setFirstName] = useState("");
  const [date, setDate] = useState("");
  const [problem, setProblem] = useState<Problem | null>(null);
  const { run, busy } = useRefusableMutation(AddChildMutation, (d) => d.addChild);
  const error = (field: string) => fieldError(problem, field, localized);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const outcome = await run({
      input: {
        familyId: family.id,
        version: family.version,
        firstName: firstName.trim() || null,
        bornOn: unborn ? null : date || null,
        expectedOn: unborn ? date || null : null,
      },
    });
    if (outcome?.kind === "ok") onDone(versionOf(outcome));
    else if (outcome) setProblem(problemOf(outcome));
  };
  return (
    <form className="hs-form hs-inline-form" noValidate onSubmit={submit} aria-labelledby="add-child-title">
      <Heading level={3} id="add-child-title">
        {t("children.add")}
      </Heading>
      <FormProblem problem={problem} />
      <ChoiceGroup
        legend={t("register.childBornOrExpected")}
        mode="single"
        value={[unborn ? "expected" : "born"]}
        onChange={([v]) => setUnborn(v === "expected")}
        options={[
          { value: "born", label: t("register.born") },
          { value: "expected", label: t("register.expected") },
        ]}
      />
      <TextField
        label={t("children.firstNameOptional")}
        value={firstName}
        onChange={(e) => setFirstName(e.target.value)}
        error={error("firstName")}
      />
      <DateField
        label={t(unborn ? "register.expectedOn" : "register.bornOn")}
        value={date}
        onChange={setDate}
        error={error("bornOn") ?? error("expectedOn")}
      />
      <div className="hs-form__actions">
        <Button type="submit" appearance="primary" busy={busy}>
          {busy ? t("form.saving") : t("children.addSubmit")}
        </Button>
        <Button appearance="subtle" onClick={onCancel}>
          {t("form.cancel")}
        </Button>
      </div>
    </form>
  );
}

function BirthForm({ family, child, onDone, onCancel }: FormProps & { child: Child }) {
  const t = useAppT();
  const localized = useLocalized();
  const [firstName, setFirstName] = useState(child.firstName ?? "");
  const [bornOn, setBornOn] = useState("");
  const [problem, setProblem] = useState<Problem | null>(null);
  const { run, busy } = useRefusableMutation(UpdateChildMutation, (d) => d.updateChild);
  const error = (field: string) => fieldError(problem, field, localized);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const outcome = await run({
      input: {
        familyId: family.id,
        childId: child.id,
        version: family.version,
        firstName: firstName.trim() || null,
        bornOn: bornOn || null,
      },
    });
    if (outcome?.kind === "ok") onDone(versionOf(outcome));
    else if (outcome) setProblem(problemOf(outcome));
  };
  return (
    <form className="hs-form hs-inline-form" noValidate onSubmit={submit} aria-labelledby="birth-title">
      <Heading level={3} id="birth-title">
        {t("children.birthTitle")}
      </Heading>
      <FormProblem problem={problem} />
      <TextField
        label={t("register.firstName")}
        value={firstName}
        onChange={(e) => setFirstName(e.target.value)}
        error={error("firstName")}
      />
      <DateField label={t("register.bornOn")} value={bornOn} onChange={setBornOn} error={error("bornOn")} />
      <div className="hs-form__actions">
        <Button type="submit" appearance="primary" busy={busy}>
          {busy ? t("form.saving") : t("children.birthSubmit")}
        </Button>
        <Button appearance="subtle" onClick={onCancel}>
          {t("form.cancel")}
        </Button>
      </div>
    </form>
  );
}
