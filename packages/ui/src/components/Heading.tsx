import type { HTMLAttributes, Ref } from "react";
import { cx } from "./classNames.ts";

export type HeadingLevel = 1 | 2 | 3 | 4 | 5 | 6;

export interface HeadingProps extends HTMLAttributes<HTMLHeadingElement> {
  level: HeadingLevel;
  ref?: Ref<HTMLHeadingElement>;
}

/**
 * A heading in the Utrecht style. A page's h1 can take focus (tabIndex -1) so the portal can
 * move focus to it when the page changes, as a screen reader user expects.
 */
export function Heading({ level, className, tabIndex, ...rest }: HeadingProps) {
  const Tag = `h${level}` as const;
  return <Tag className={cx(`utrecht-heading-${level}`, className)} tabIndex={tabIndex ?? (level === 1 ? -1 : undefined)} {...rest} />;
}
