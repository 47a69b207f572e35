import type { ReactNode } from "react";
import type { UseQueryState } from "urql";
import { Link } from "wouter";
import { NotFound } from "./NotFound.tsx";
import { QueryView } from "./QueryView.tsx";

export interface RecordPageProps<Data, Item> {
  /** The list the record belongs to: the link back, and the way out of "not found". */
  back: { href: string; label: string };
  result: UseQueryState<Data>;
  retry: () => void;
  /** The record in the answer; null or undefined shows "not found" (unknown, or not the viewer's). */
  record: (data: Data) => Item | null | undefined;
  notFound: { title: string; text: string };
  children: (record: Item, data: Data) => ReactNode;
}

/**
 * A page about one record (a licence, a location, a volunteer …): the link back to its list, the
 * query's loading and error states, and "not found" when the API answers null. An error hides
 * stale data, so a failed refetch never shows an old record as if it were current.
 */
export function RecordPage<Data, Item>({ back, result, retry, record, notFound, children }: RecordPageProps<Data, Item>) {
  const shown = result.error ? { ...result, data: undefined } : result;
  return (
    <>
      <p className="hs-back">
        <Link href={back.href} className="utrecht-link utrecht-link--html-a hs-back-link">
          <span aria-hidden="true">← </span>
          {back.label}
        </Link>
      </p>
      <QueryView result={shown} retry={retry}>
        {(data) => {
          const item = record(data);
          return item ? (
            children(item, data)
          ) : (
            <NotFound title={notFound.title} back={back}>
              <p>{notFound.text}</p>
            </NotFound>
          );
        }}
      </QueryView>
    </>
  );
}
