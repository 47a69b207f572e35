import {
  Button,
  ConfirmButton,
  DateField,
  EmptyState,
  FormProblem,
  fieldError,
  Heading,
  Pager,
  type Problem,
  QueryView,
  SelectField,
  TableHead,
  TextField,
  useFormat,
  useLocalized,
  usePageTitle,
  useRefusableMutation,
  useSearchState,
} from "@homestart/ui";
import { type FormEvent, useEffect, useState } from "react";
import { useQuery } from "urql";
import { Link } from "wouter";
import type { GroupMeetingsQuery } from "../../gql/graphql.ts";
import { graphql } from "../../gql/index.ts";
import { useAppT } from "../../i18n.ts";
import { parentNames } from "../../labels.ts";
import { isIsoDay, todayIso } from "../visits/dates.ts";
import "../visits/work.css";

const PAGE_SIZE = 20;
// One object for every render: urql runs the query again whenever its context object changes.
const REFETCH_ON_MEETING_CHANGES = { additionalTypenames: ["GroupMeeting", "GroupMeetingAttendance"] };

const GroupMeetingsQueryDocument = graphql(`
  query GroupMeetings($first: Int, $after: String, $last: Int, $before: String, $from: Date, $until: Date) {
    groupMeetings(first: $first, after: $after, last: $last, before: $before, from: $from, until: $until) {
      edges {
        cursor
        node {
          id
          title
          heldOn
          topic
          familyCount
          location {
            id
            name
          }
          attendances {
            parentCount
            childCount
            family {
              id
              parents {
                firstName
                lastName
              }
            }
          }
        }
      }
      pageInfo {
        hasNextPage
        hasPreviousPage
        startCursor
        endCursor
      }
    }
  }
`);

const AttendanceFamiliesQuery = graphql(`
  query AttendanceFamilies {
    families(first: 100, status: ACTIVE, orderBy: LAST_NAME) {
      edges {
        node {
          id
          parents {
            firstName
            lastName
          }
        }
      }
    }
  }
`);

const CreateGroupMeetingMutation = graphql(`
  mutation CreateGroupMeeting($input: CreateGroupMeetingInput!) {
    createGroupMeeting(input: $input) {
      __typename
      ... on CreateGroupMeetingSuccess {
        meeting {
          id
          title
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

const RecordAttendanceMutation = graphql(`
  mutation RecordAttendance($input: RecordAttendanceInput!) {
    recordAttendance(input: $input) {
      __typename
      ... on RecordAttendanceSuccess {
        meeting {
          id
          familyCount
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

const RemoveAttendanceMutation = graphql(`
  mutation RemoveAttendance($input: RemoveAttendanceInput!) {
    removeAttendance(input: $input) {
      __typename
      ... on RemoveAttendanceSuccess {
        meeting {
          id
          familyCount
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

type Meeting = GroupMeetingsQuery["groupMeetings"]["edges"][number]["node"];
type FamilyOption = { value: string; label: string };

/**
 * Groepsbijeenkomsten: meetings by period (?van=&tot= in the address), newest first, paged; a new
 * meeting; per meeting the families who came with their parent and child counts.
 */
export function GroupMeetingsPage() {
  const t = useAppT();
  usePageTitle(t("meetings.title"));
  const [params, setParams] = useSearchState();
  const from = isIsoDay(params.get("van")) ? params.get("van") : null;
  const until = isIsoDay(params.get("tot")) ? params.get("tot") : null;
  const after = params.get("na");
  const before = params.get("voor");
  const page = Math.max(1, Number(params.get("pagina")) || 1);
  const variables = before ? { last: PAGE_SIZE, before, from, until } : { first: PAGE_SIZE, after, from, until };
  const [result, reexecute] = useQuery({
    query: GroupMeetingsQueryDocument,
    variables,
    context: REFETCH_ON_MEETING_CHANGES,
  });
  const refresh = () => reexecute({ requestPolicy: "network-only" });
  const [familiesAnswer] = useQuery({ query: AttendanceFamiliesQuery });
  const families: FamilyOption[] = (familiesAnswer.data?.families.edges ?? []).map(({ node }) => ({
    value: node.id,
    label: node.parents.map((p) => `${p.firstName} ${p.lastName}`).join(" & ") || node.id,
  }));

  const [fromInput, setFromInput] = useState(from ?? "");
  const [untilInput, setUntilInput] = useState(until ?? "");
  useEffect(() => setFromInput(from ?? ""), [from]);
  useEffect(() => setUntilInput(until ?? ""), [until]);
  const filtered = from !== null || until !== null;
  const reset = { na: undefined, voor: undefined, pagina: undefined };

  return (
    <>
      <div className="hs-page-head">
        <Heading level={1}>{t("meetings.title")}</Heading>
        <p className="hs-page-head__lead">{t("meetings.lead")}</p>
      </div>
      <search aria-label={t("meetings.period")}>
        <form
          className="hs-toolbar"
          onSubmit={(e) => {
            e.preventDefault();
            setParams({ van: fromInput, tot: untilInput, ...reset });
          }}
        >
          <div className="hs-toolbar__field">
            <DateField label={t("meetings.from")} value={fromInput} onChange={setFromInput} />
          </div>
          <div className="hs-toolbar__field">
            <DateField label={t("meetings.until")} value={untilInput} onChange={setUntilInput} />
          </div>
          <div className="hs-toolbar__actions">
            <Button type="submit" appearance="primary">
              {t("meetings.show")}
            </Button>
            {filtered && (
              <Button appearance="subtle" onClick={() => setParams({ van: undefined, tot: undefined, ...reset })}>
                {t("meetings.clear")}
              </Button>
            )}
          </div>
        </form>
      </search>
      <CreateMeetingForm onCreated={refresh} />
      <QueryView result={result} retry={refresh}>
        {(data) => {
          const { edges, pageInfo } = data.groupMeetings;
          if (edges.length === 0) {
            return (
              <EmptyState title={t("meetings.emptyTitle")} headingLevel={2}>
                <p>{filtered ? t("meetings.emptyFiltered") : t("meetings.emptyAll")}</p>
              </EmptyState>
            );
          }
          const hasPrevious = pageInfo.hasPreviousPage || (!!after && !before);
          const hasNext = pageInfo.hasNextPage || !!before;
          return (
            <>
              <Heading level={2} className="hs-visually-hidden">
                {t("meetings.title")}
              </Heading>
              <ul className="hs-list-plain hs-week-matches" data-meetings>
                {edges.map(({ node }) => (
                  <MeetingItem key={node.id} meeting={node} families={families} refresh={refresh} />
                ))}
              </ul>
              <Pager
                hasPrevious={hasPrevious}
                hasNext={hasNext}
                status={t("meetings.page", { page })}
                onPrevious={() =>
                  setParams({ voor: pageInfo.startCursor ?? undefined, na: undefined, pagina: page > 2 ? String(page - 1) : undefined })
                }
                onNext={() => setParams({ na: pageInfo.endCursor ?? undefined, voor: undefined, pagina: String(page + 1) })}
              />
            </>
          );
        }}
      </QueryView>
    </>
  );
}

function CreateMeetingForm({ onCreated }: { onCreated: () => void }) {
  const t = useAppT();
  const localized = useLocalized();
  const [title, setTitle] = useState("");
  const [heldOn, setHeldOn] = useState(todayIso());
  const [topic, setTopic] = useState("");
  const [problem, setProblem] = useState<Problem | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const { run, busy } = useRefusableMutation(CreateGroupMeetingMutation, (d) => d.createGroupMeeting);
  const error = (field: string) => fieldError(problem, field, localized);
  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setSaved(null);
    const outcome = await run({ input: { title, heldOn, topic: topic.trim() || null } });
    if (!outcome) return;
    if (outcome.kind === "ok" && "meeting" in outcome.data) {
      setProblem(null);
      setSaved(t("meetingForm.saved", { title: outcome.data.meeting.title }));
      setTitle("");
      setTopic("");
      onCreated();
      return;
    }
    setProblem(outcome.kind === "refused" ? { refusal: outcome.refusal } : outcome.kind === "failed" ? { failure: outcome.reason } : null);
  };
  return (
    <details className="hs-details hs-item-card">
      <summary>{t("meetingForm.title")}</summary>
      <form className="hs-form" noValidate onSubmit={onSubmit} aria-label={t("meetingForm.title")} aria-busy={busy || undefined}>
        <FormProblem problem={problem} />
        <TextField label={t("meetingForm.name")} value={title} onChange={(e) => setTitle(e.target.value)} error={error("title")} />
        <DateField label={t("meetingForm.heldOn")} value={heldOn} onChange={setHeldOn} error={error("heldOn")} />
        <TextField label={t("meetingForm.topic")} value={topic} onChange={(e) => setTopic(e.target.value)} error={error("topic")} />
        <div className="hs-form__actions">
          <Button type="submit" appearance="primary" busy={busy}>
            {busy ? t("form.saving") : t("meetingForm.submit")}
          </Button>
        </div>
        <p role="status" className="hs-visit-form__saved">
          {saved}
        </p>
      </form>
    </details>
  );
}

function MeetingItem({ meeting, families, refresh }: { meeting: Meeting; families: FamilyOption[]; refresh: () => void }) {
  const t = useAppT();
  const format = useFormat();
  const [problem, setProblem] = useState<Problem | null>(null);
  const remove = useRefusableMutation(RemoveAttendanceMutation, (d) => d.removeAttendance);
  const removeFamily = async (familyId: string) => {
    const outcome = await remove.run({ input: { meetingId: meeting.id, familyId } });
    if (!outcome) return;
    if (outcome.kind === "ok") {
      setProblem(null);
      refresh();
    } else setProblem(outcome.kind === "refused" ? { refusal: outcome.refusal } : { failure: outcome.reason });
  };
  return (
    <li className="hs-week-match" data-meeting={meeting.id}>
      <div className="hs-week-match__head">
        <Heading level={3} className="hs-week-match__family">
          {meeting.title}
        </Heading>
        <span className="hs-badge">
          {meeting.familyCount === 1 ? t("meetings.familiesOne") : t("meetings.families", { count: meeting.familyCount })}
        </span>
      </div>
      <p>
        {format.date(meeting.heldOn, "full")} · {meeting.location.name}
        {meeting.topic && <> · {t("meetings.topic", { topic: meeting.topic })}</>}
      </p>
      <details className="hs-details">
        <summary>{t("meetings.attendance")}</summary>
        <FormProblem problem={problem} />
        {meeting.attendances.length === 0 ? (
          <p>{t("meetings.noAttendance")}</p>
        ) : (
          <div className="hs-table-wrap">
            <table className="utrecht-table utrecht-table--html-table hs-table">
              <caption className="utrecht-table__caption hs-table__caption">
                {t("meetings.attendanceCaption", { title: meeting.title })}
              </caption>
              <TableHead
                columns={[t("meetings.col.family"), t("meetings.col.parents"), t("meetings.col.children"), t("meetings.col.action")]}
              />
              <tbody className="utrecht-table__body">
                {meeting.attendances.map((a) => {
                  const family = parentNames(a.family.parents) || t("family.unknown");
                  return (
                    <tr key={a.family.id} className="utrecht-table__row">
                      <th scope="row" className="utrecht-table__header-cell hs-table__row-header">
                        <Link href={`/gezinnen/${encodeURIComponent(a.family.id)}`} className="utrecht-link utrecht-link--html-a">
                          {family}
                        </Link>
                      </th>
                      <td className="utrecht-table__cell">{a.parentCount}</td>
                      <td className="utrecht-table__cell">{a.childCount}</td>
                      <td className="utrecht-table__cell">
                        <ConfirmButton
                          appearance="subtle"
                          busy={remove.busy}
                          question={t("meetings.removeConfirm", { family })}
                          confirmLabel={t("meetings.removeYes")}
                          onConfirm={() => removeFamily(a.family.id)}
                        >
                          {t("meetings.remove")}
                          <span className="hs-visually-hidden"> {t("meetings.removeLabel", { family })}</span>
                        </ConfirmButton>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
        <AttendanceForm meeting={meeting} families={families} onSaved={refresh} />
      </details>
    </li>
  );
}

function AttendanceForm({ meeting, families, onSaved }: { meeting: Meeting; families: FamilyOption[]; onSaved: () => void }) {
  const t = useAppT();
  const localized = useLocalized();
  const [familyId, setFamilyId] = useState("");
  const [parents, setParents] = useState("1");
  const [children, setChildren] = useState("0");
  const [problem, setProblem] = useState<Problem | null>(null);
  const [saved, setSaved] = useState(false);
  const { run, busy } = useRefusableMutation(RecordAttendanceMutation, (d) => d.recordAttendance);
  const error = (field: string) => fieldError(problem, field, localized);
  const count = (text: string) => (/^\d+$/.test(text.trim()) ? Number(text) : -1);
  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setSaved(false);
    const outcome = await run({
      input: { meetingId: meeting.id, familyId, parentCount: count(parents), childCount: count(children) },
    });
    if (!outcome) return;
    if (outcome.kind === "ok") {
      setProblem(null);
      setFamilyId("");
      setSaved(true);
      onSaved();
      return;
    }
    setProblem(outcome.kind === "refused" ? { refusal: outcome.refusal } : { failure: outcome.reason });
  };
  return (
    <form
      className="hs-visit-form"
      noValidate
      onSubmit={onSubmit}
      aria-label={t("attendance.formLabel", { title: meeting.title })}
      aria-busy={busy || undefined}
    >
      <Heading level={4}>{t("attendance.record")}</Heading>
      <FormProblem problem={problem} />
      <div className="hs-visit-form__fields">
        <div className="hs-visit-form__note">
          <SelectField
            label={t("attendance.family")}
            description={t("attendance.familyHint")}
            value={familyId}
            onChange={(e) => setFamilyId(e.target.value)}
            options={[{ value: "", label: t("attendance.chooseFamily") }, ...families]}
          />
          {error("familyId") && <p className="hs-field__error">{error("familyId")}</p>}
        </div>
        <div className="hs-visit-form__hours">
          <TextField
            label={t("attendance.parents")}
            inputMode="numeric"
            value={parents}
            onChange={(e) => setParents(e.target.value)}
            error={error("parentCount")}
          />
        </div>
        <div className="hs-visit-form__hours">
          <TextField
            label={t("attendance.children")}
            inputMode="numeric"
            value={children}
            onChange={(e) => setChildren(e.target.value)}
            error={error("childCount")}
          />
        </div>
        <div className="hs-visit-form__actions">
          <Button type="submit" appearance="primary" busy={busy}>
            {busy ? t("form.saving") : t("attendance.submit")}
          </Button>
        </div>
      </div>
      <p role="status" className="hs-visit-form__saved">
        {saved ? t("attendance.saved") : ""}
      </p>
    </form>
  );
}
