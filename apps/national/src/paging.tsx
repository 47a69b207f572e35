import { Pager } from "@homestart/ui";

export const PAGE_SIZE = 25;

/** Where the list is (?na= / ?voor= cursors, ?pagina=): reload and back keep the page. */
export function pageVariables(params: URLSearchParams, size = PAGE_SIZE) {
  const after = params.get("na");
  const before = params.get("voor");
  const page = Math.max(1, Number(params.get("pagina")) || 1);
  const variables = before ? { last: size, before, first: null, after: null } : { first: size, after, last: null, before: null };
  return { variables, page, after, before };
}

/** A filter change starts again at page 1. */
export const FIRST_PAGE = { na: undefined, voor: undefined, pagina: undefined } as const;

interface PageInfo {
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  startCursor?: string | null;
  endCursor?: string | null;
}

/** Previous / next for a Relay connection, written into the address. */
export function CursorPager({
  pageInfo,
  params,
  setParams,
  status,
}: {
  pageInfo: PageInfo;
  params: URLSearchParams;
  setParams: (changes: Record<string, string | undefined>) => void;
  status: string;
}) {
  const { page, after, before } = pageVariables(params);
  // Relay may leave hasPrevious/hasNext false in the direction not asked; coming from there, there is one.
  const hasPrevious = pageInfo.hasPreviousPage || (!!after && !before);
  const hasNext = pageInfo.hasNextPage || !!before;
  return (
    <Pager
      hasPrevious={hasPrevious}
      hasNext={hasNext}
      status={status}
      onPrevious={() =>
        setParams({ voor: pageInfo.startCursor ?? undefined, na: undefined, pagina: page > 2 ? String(page - 1) : undefined })
      }
      onNext={() => setParams({ na: pageInfo.endCursor ?? undefined, voor: undefined, pagina: String(page + 1) })}
    />
  );
}
