import { Refusal } from "../errors.ts";

/**
 * The errors-plugin options every refusable mutation shares: `<Name>Result = <Name>Success | Refusal`,
 * the success holding its data under `dataField`. Refusals are typed results with a reason code and
 * Dutch/English text, so a form can show them next to the field they concern.
 */
export function refusable<const D extends string>(name: string, dataField: D) {
  return {
    types: [Refusal],
    union: { name: `${name}Result` },
    result: { name: `${name}Success` },
    dataField: { name: dataField },
  };
}
