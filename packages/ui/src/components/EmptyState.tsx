import type { ReactNode } from "react";
import { Heading, type HeadingLevel } from "./Heading.tsx";
import { Icon, type IconName } from "./Icon.tsx";

export interface EmptyStateProps {
  title: string;
  headingLevel?: HeadingLevel;
  icon?: IconName;
  /** A short label above the title, such as "Coming later". */
  badge?: string;
  children?: ReactNode;
  action?: ReactNode;
}

/** Says plainly that there is nothing (yet) to show, and what to do about it. */
export function EmptyState({ title, headingLevel = 3, icon = "info", badge, children, action }: EmptyStateProps) {
  return (
    <div className="hs-empty">
      <span className="hs-empty__icon">
        <Icon name={icon} />
      </span>
      <div className="hs-empty__body">
        {badge && <p className="hs-badge">{badge}</p>}
        <Heading level={headingLevel} className="hs-empty__title">
          {title}
        </Heading>
        {children && <div className="hs-empty__text">{children}</div>}
        {action && <div className="hs-empty__action">{action}</div>}
      </div>
    </div>
  );
}
