import { useFormat } from "../i18n/format.ts";
import { useT } from "../i18n/I18nProvider.tsx";
import { cx } from "./classNames.ts";
import { Heading, type HeadingLevel } from "./Heading.tsx";
import { Icon } from "./Icon.tsx";

/**
 * Why a figure is not shown. SMALL_NUMBER and COMPLEMENTARY come from the API (FigureCell.suppression);
 * DERIVED is a share or average the API left out (null) because the counts behind it are hidden;
 * NO_DATA is one left out because there were no families at all; HIDDEN is any other reason.
 */
export type SuppressionKind = "SMALL_NUMBER" | "COMPLEMENTARY" | "DERIVED" | "NO_DATA" | "HIDDEN";

/** A count as the API sends it after small-number suppression. */
export interface FigureCellValue {
  shown: boolean;
  value?: number | null;
  suppression?: string | null;
}

export function suppressionKind(cell: FigureCellValue): SuppressionKind | null {
  if (cell.shown && cell.value !== null && cell.value !== undefined) return null;
  if (cell.suppression === "SMALL_NUMBER" || cell.suppression === "COMPLEMENTARY") return cell.suppression;
  return "HIDDEN";
}

export function suppressionNoteId(kind: SuppressionKind): string {
  return `suppression-note-${kind.toLowerCase().replace("_", "-")}`;
}

/**
 * The mark in place of a hidden figure ("< 5", "verborgen", "niet getoond", "–"): text, not
 * colour alone, and a link to its explanation, which a screen reader also reads as its description.
 */
export function SuppressedMark({ kind }: { kind: SuppressionKind }) {
  const t = useT();
  const id = suppressionNoteId(kind);
  return (
    <a className={cx("hs-suppressed", `hs-suppressed--${kind.toLowerCase()}`)} href={`#${id}`} aria-describedby={id} data-suppressed={kind}>
      <Icon name="info" className="hs-suppressed__icon" />
      <span className="hs-suppressed__mark">{t(`suppressed.${kind}.mark`)}</span>
    </a>
  );
}

/** A count: the number (0 or 5 and up), or the mark saying why it is hidden. */
export function FigureValue({ cell }: { cell: FigureCellValue }) {
  const format = useFormat();
  const kind = suppressionKind(cell);
  if (kind || cell.value === null || cell.value === undefined) return <SuppressedMark kind={kind ?? "HIDDEN"} />;
  return <span data-count={cell.value}>{format.number(cell.value)}</span>;
}

/** The explanations of the marks used on the page, each the target of its marks' links. */
export function SuppressionNotes({ kinds, headingLevel = 3 }: { kinds: Iterable<SuppressionKind>; headingLevel?: HeadingLevel }) {
  const t = useT();
  const used = [...new Set(kinds)];
  if (used.length === 0) return null;
  return (
    <section className="hs-notes" aria-labelledby="suppression-notes-title">
      <Heading level={headingLevel} id="suppression-notes-title" className="hs-notes__title">
        {t("suppressed.notesTitle")}
      </Heading>
      <dl className="hs-notes__list">
        {used.map((kind) => (
          <div key={kind} id={suppressionNoteId(kind)} className="hs-notes__item" tabIndex={-1}>
            <dt className="hs-notes__mark">{t(`suppressed.${kind}.mark`)}</dt>
            <dd className="hs-notes__text">{t(`suppressed.${kind}.note`)}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
