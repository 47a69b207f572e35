import "./family.css";
import {
  Button,
  DateField,
  EmptyState,
  Heading,
  Pager,
  QueryView,
  SelectField,
  TableHead,
  TextField,
  useFormat,
  useLocale,
  usePageTitle,
  useSearchState,
} from "@homestart/ui";
import { type FormEvent, useEffect, useState } from "react";
import { useQuery } from "urql";
import { Link } from "wouter";
import type { FamilyOrder, FamilyStatus } from "../../gql/graphql.ts";
import { graphql } from "../../gql/index.ts";
import { useAppT } from "../../i18n.ts";
import { FAMILY_STATUSES, label, parentNames, statusBadgeClass } from "../../labels.ts";
import { languageName } from "./language.ts";

export const PAGE_SIZE = 50;

const FamiliesQuery = graphql(`
  query Families(
    $first: Int
    $after: String
    $last: Int
    $before: String
    $status: FamilyStatus
    $search: String
    $municipalityId: ID
    $registeredFrom: Date
    $registeredTo: Date
    $volunteerId: ID
    $orderBy: FamilyOrder
  ) {
    families(
      first: $first
      after: $after
      last: $last
      before: $before
      status: $status
      search: $search
      municipalityId: $municipalityId
      registeredFrom: $registeredFrom
      registeredTo: $registeredTo
      volunteerId: $volunteerId
      orderBy: $orderBy
    ) {
      edges {
        cursor
        node {
          id
          registeredOn
          status
          channel
          preferredLanguage
          municipality {
            id
            name
          }
          parents {
            firstName
            lastName
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

/**
 * The choices for the municipality and volunteer filters: the municipalities the location takes families
 * from today (coordinators may not read the location's earlier ones), and its volunteers.
 */
const FamilyFilterOptionsQuery = graphql(`
  query FamilyFilterOptions {
    me {
      id
      locations {
        id
        registrationMunicipalities {
          id
          name
        }
      }
    }
    volunteers(first: 100) {
      edges {
        node {
          id
          firstName
          lastName
        }
      }
    }
  }
`);

const ORDERS: readonly FamilyOrder[] = ["REGISTERED_ON_DESC", "REGISTERED_ON_ASC", "LAST_NAME", "STATUS"];
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function isOrder(value: string | null): value is FamilyOrder {
  return value !== null && (ORDERS as readonly string[]).includes(value);
}

/** A date from the address, or null when it is not YYYY-MM-DD. */
function dateParam(value: string | null): string | null {
  return value && ISO_DATE.test(value) ? value : null;
}

function isStatus(value: string | null): value is FamilyStatus {
  return value !== null && (FAMILY_STATUSES as readonly string[]).includes(value);
}

/**
 * Gezinnen: search by a parent's name, filter by status, 50 per page. Search, filter and page
 * live in the address (?zoek=&status=&na=|voor=&pagina=), so reload and back work.
 */
export function FamiliesPage() {
  const t = useAppT();
  const format = useFormat();
  const { locale } = useLocale();
  usePageTitle(t("families.title"));
  const [params, setParams] = useSearchState();
  const search = params.get("zoek")?.trim() ?? "";
  const rawStatus = params.get("status");
  const status = isStatus(rawStatus) ? rawStatus : null;
  const after = params.get("na");
  const before = params.get("voor");
  const page = Math.max(1, Number(params.get("pagina")) || 1);

  const municipalityId = params.get("gemeente") || null;
  const registeredFrom = dateParam(params.get("van"));
  const registeredTo = dateParam(params.get("tot"));
  const volunteerId = params.get("vrijwilliger") || null;
  const rawOrder = params.get("sortering");
  const orderBy = isOrder(rawOrder) ? rawOrder : null;

  const filters = { status, search: search || null, municipalityId, registeredFrom, registeredTo, volunteerId, orderBy };
  const variables = before ? { last: PAGE_SIZE, before, ...filters } : { first: PAGE_SIZE, after, ...filters };
  const [result, reexecute] = useQuery({ query: FamiliesQuery, variables });
  const [options] = useQuery({ query: FamilyFilterOptionsQuery });

  const [form, setForm] = useState(() => formFromAddress());
  function formFromAddress() {
    return {
      search,
      status: status ?? "",
      municipality: municipalityId ?? "",
      from: registeredFrom ?? "",
      to: registeredTo ?? "",
      volunteer: volunteerId ?? "",
      order: orderBy ?? "",
    };
  }
  const addressKey = [search, status, municipalityId, registeredFrom, registeredTo, volunteerId, orderBy].join("|");
  // Back/forward changes the address: the form follows it.
  // biome-ignore lint/correctness/useExhaustiveDependencies: addressKey stands for the values formFromAddress reads
  useEffect(() => setForm(formFromAddress()), [addressKey]);
  const set = (change: Partial<typeof form>) => setForm({ ...form, ...change });

  const filtered = search !== "" || status !== null || !!municipalityId || !!registeredFrom || !!registeredTo || !!volunteerId;
  const noPage = { na: undefined, voor: undefined, pagina: undefined };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setParams({
      zoek: form.search.trim(),
      status: form.status,
      gemeente: form.municipality,
      van: form.from,
      tot: form.to,
      vrijwilliger: form.volunteer,
      sortering: form.order,
      ...noPage,
    });
  };
  const clear = () =>
    setParams({
      zoek: undefined,
      status: undefined,
      gemeente: undefined,
      van: undefined,
      tot: undefined,
      vrijwilliger: undefined,
      ...noPage,
    });

  const municipalities = new Map<string, string>();
  for (const l of options.data?.me?.locations ?? []) {
    for (const m of l.registrationMunicipalities) municipalities.set(m.id, m.name);
  }
  const municipalityOptions = [...municipalities].sort((a, b) => a[1].localeCompare(b[1], "nl"));
  const volunteers = (options.data?.volunteers.edges ?? []).map((e) => e.node);

  return (
    <>
      <div className="hs-page-head">
        <Heading level={1}>{t("families.title")}</Heading>
        <p className="hs-page-head__lead">{t("families.leadFilters")}</p>
      </div>
      <search aria-label={t("families.title")}>
        <form className="hs-toolbar" onSubmit={submit}>
          <div className="hs-toolbar__field">
            <TextField
              label={t("families.search")}
              description={t("families.searchHint")}
              type="search"
              autoComplete="off"
              value={form.search}
              onChange={(event) => set({ search: event.target.value })}
            />
          </div>
          <div className="hs-toolbar__field hs-toolbar__field--status">
            <SelectField
              label={t("families.status")}
              value={form.status}
              onChange={(event) => set({ status: event.target.value })}
              options={[
                { value: "", label: t("families.statusAll") },
                ...FAMILY_STATUSES.map((s) => ({ value: s, label: label(t, "status", s) })),
              ]}
            />
          </div>
          <div className="hs-toolbar__field hs-toolbar__field--status">
            <SelectField
              label={t("families.municipality")}
              value={form.municipality}
              onChange={(event) => set({ municipality: event.target.value })}
              options={[
                { value: "", label: t("families.municipalityAll") },
                ...municipalityOptions.map(([id, name]) => ({ value: id, label: name })),
              ]}
            />
          </div>
          <div className="hs-toolbar__field hs-toolbar__field--date">
            <DateField label={t("families.registeredFrom")} value={form.from} onChange={(from) => set({ from })} />
          </div>
          <div className="hs-toolbar__field hs-toolbar__field--date">
            <DateField label={t("families.registeredTo")} value={form.to} onChange={(to) => set({ to })} />
          </div>
          {volunteers.length > 0 && (
            <div className="hs-toolbar__field hs-toolbar__field--status">
              <SelectField
                label={t("families.volunteer")}
                value={form.volunteer}
                onChange={(event) => set({ volunteer: event.target.value })}
                options={[
                  { value: "", label: t("families.volunteerAll") },
                  ...volunteers.map((v) => ({ value: v.id, label: `${v.firstName} ${v.lastName}` })),
                ]}
              />
            </div>
          )}
          <div className="hs-toolbar__field hs-toolbar__field--status">
            <SelectField
              label={t("families.orderBy")}
              value={form.order || "REGISTERED_ON_DESC"}
              onChange={(event) => set({ order: event.target.value === "REGISTERED_ON_DESC" ? "" : event.target.value })}
              options={ORDERS.map((o) => ({ value: o, label: t(`families.order.${o}`) }))}
            />
          </div>
          <div className="hs-toolbar__actions">
            <Button type="submit" appearance="primary">
              {t("families.submit")}
            </Button>
            {filtered && (
              <Button appearance="subtle" onClick={clear}>
                {t("families.clear")}
              </Button>
            )}
          </div>
        </form>
      </search>
      <QueryView result={result} retry={() => reexecute({ requestPolicy: "network-only" })}>
        {(data) => {
          const { edges, pageInfo } = data.families;
          if (edges.length === 0) {
            return (
              <EmptyState title={t("families.emptyTitle")} icon="user" headingLevel={2}>
                <p>{filtered ? t("families.emptyFiltered") : t("families.emptyAll")}</p>
              </EmptyState>
            );
          }
          // Relay may leave hasPrevious/hasNext false in the direction we did not ask; coming from there, there is one.
          const hasPrevious = pageInfo.hasPreviousPage || (!!after && !before);
          const hasNext = pageInfo.hasNextPage || !!before;
          return (
            <>
              <div className="hs-table-wrap">
                <table className="utrecht-table utrecht-table--html-table hs-table hs-families">
                  <caption className="utrecht-table__caption hs-table__caption">
                    {filtered ? t("families.captionFiltered") : t("families.caption")}
                    {(hasPrevious || hasNext) && <span className="hs-table__caption-note"> – {t("families.page", { page })}</span>}
                  </caption>
                  <TableHead
                    columns={[
                      t("families.col.parent"),
                      t("families.col.registeredOn"),
                      t("families.col.status"),
                      t("families.col.municipality"),
                      t("families.col.language"),
                    ]}
                  />
                  <tbody className="utrecht-table__body">
                    {edges.map(({ node }) => (
                      <tr key={node.id} className="utrecht-table__row">
                        <th scope="row" className="utrecht-table__header-cell hs-table__row-header">
                          <Link
                            href={`/gezinnen/${encodeURIComponent(node.id)}`}
                            className="utrecht-link utrecht-link--html-a hs-families__link"
                          >
                            {parentNames(node.parents) || t("family.unknown")}
                          </Link>
                        </th>
                        <td className="utrecht-table__cell">{format.date(node.registeredOn, "short")}</td>
                        <td className="utrecht-table__cell">
                          <span className={statusBadgeClass(node.status)}>{label(t, "status", node.status)}</span>
                        </td>
                        <td className="utrecht-table__cell">{node.municipality.name}</td>
                        <td className="utrecht-table__cell">
                          {node.channel === "ONLINE" && node.preferredLanguage ? (
                            <>
                              {languageName(node.preferredLanguage, locale)}
                              <div className="hs-muted">{t("families.online")}</div>
                            </>
                          ) : (
                            "–"
                          )}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              <Pager
                hasPrevious={hasPrevious}
                hasNext={hasNext}
                status={t("families.page", { page })}
                onPrevious={() =>
                  setParams({
                    voor: pageInfo.startCursor ?? undefined,
                    na: undefined,
                    pagina: page > 2 ? String(page - 1) : undefined,
                  })
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
