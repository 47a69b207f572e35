import type { AnyVariables, TypedDocumentNode } from "@urql/core";
import { useCallback, useRef, useState } from "react";
import { useMutation } from "urql";
import type { Refusal } from "../api/operations.ts";
import { type FailureReason, failureReason } from "../auth/AuthProvider.tsx";

/** What a save came to: done, refused by a rule or bad input (with the API's reason), or not reached. */
export type MutationOutcome<Success> =
  | { kind: "ok"; data: Success }
  | { kind: "refused"; refusal: Refusal }
  | { kind: "failed"; reason: FailureReason };

type WithTypename = { __typename?: string };

/**
 * Runs a mutation whose answer is `<Name>Success | Refusal` and says which it was. A second call
 * while one runs is ignored (a double click saves once). The form keeps its own state, so nothing
 * typed is lost when the save fails.
 */
export function useRefusableMutation<Data, Variables extends AnyVariables, Success extends WithTypename>(
  document: TypedDocumentNode<Data, Variables>,
  pick: (data: Data) => Success | (Refusal & WithTypename) | WithTypename,
) {
  const [, execute] = useMutation<Data, Variables>(document);
  const [busy, setBusy] = useState(false);
  const running = useRef(false);
  const run = useCallback(
    async (variables: Variables): Promise<MutationOutcome<Success> | null> => {
      if (running.current) return null;
      running.current = true;
      setBusy(true);
      try {
        const response = await execute(variables);
        if (response.error || response.data === undefined) return { kind: "failed", reason: failureReason(response.error) };
        const result = pick(response.data);
        if (result.__typename === "Refusal") return { kind: "refused", refusal: result as Refusal };
        return { kind: "ok", data: result as Success };
      } finally {
        running.current = false;
        setBusy(false);
      }
    },
    [execute, pick],
  );
  return { run, busy };
}
