import { useFormat } from "../i18n/format.ts";
import { cx } from "./classNames.ts";

export interface Stat {
  /** Stable id; also set as data-stat (tests read it). */
  id: string;
  label: string;
  value: number;
  /** A short line under the number, e.g. what counts. */
  hint?: string;
  /** "attention" when a number above zero needs someone's action. */
  tone?: "neutral" | "attention";
}

/** Key numbers as cards: a description list, so each number is read out with its label. */
export function StatGrid({ items }: { items: readonly Stat[] }) {
  const format = useFormat();
  return (
    <dl className="hs-stats">
      {items.map((stat) => (
        <div
          key={stat.id}
          className={cx("hs-stat", stat.tone === "attention" && stat.value > 0 && "hs-stat--attention")}
          data-stat={stat.id}
        >
          <dt className="hs-stat__label">{stat.label}</dt>
          <dd className="hs-stat__value">{format.number(stat.value)}</dd>
          {stat.hint && <dd className="hs-stat__hint">{stat.hint}</dd>}
        </div>
      ))}
    </dl>
  );
}
