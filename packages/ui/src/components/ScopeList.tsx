import type { ReactNode } from "react";
import { EmptyState } from "./EmptyState.tsx";
import { Heading } from "./Heading.tsx";
import { Icon, type IconName } from "./Icon.tsx";

export interface ScopeItem {
  id: string;
  title: string;
  /** Short facts under the title, e.g. the city or the CBS code. */
  details: string[];
}

export interface ScopeListProps {
  id: string;
  heading: string;
  /** One sentence under the heading. */
  intro?: string;
  icon: IconName;
  items: readonly ScopeItem[];
  emptyTitle: string;
  emptyText: ReactNode;
}

/** The locations, municipalities … a user works for, as cards; says so when there are none. */
export function ScopeList({ id, heading, intro, icon, items, emptyTitle, emptyText }: ScopeListProps) {
  return (
    <section className="hs-section" aria-labelledby={id}>
      <Heading level={2} id={id}>
        {heading}
      </Heading>
      {intro && <p className="hs-section__intro">{intro}</p>}
      {items.length === 0 ? (
        <EmptyState title={emptyTitle} icon={icon}>
          {emptyText}
        </EmptyState>
      ) : (
        <ul className="hs-cards">
          {items.map((item) => (
            <li key={item.id} className="hs-card">
              <span className="hs-card__icon">
                <Icon name={icon} />
              </span>
              <div>
                <Heading level={3} className="hs-card__title">
                  {item.title}
                </Heading>
                {item.details.map((detail) => (
                  <p key={detail} className="hs-card__detail">
                    {detail}
                  </p>
                ))}
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
