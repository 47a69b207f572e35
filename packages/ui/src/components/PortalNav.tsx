import { Link, useLocation } from "wouter";
import { cx } from "./classNames.ts";

export interface NavItem<K extends string = string> {
  href: string;
  /** The text key of the link's label. */
  label: K;
}

export interface PortalNavProps {
  /** The links, with their labels already translated. */
  items: ReadonlyArray<{ href: string; label: string }>;
  /** The name of the navigation landmark, e.g. "Hoofdmenu". */
  label: string;
}

/** Whether `location` is the link's page ("page") or a page below it ("true"). */
export function currentFor(href: string, location: string): "page" | "true" | undefined {
  if (location === href) return "page";
  if (href !== "/" && location.startsWith(`${href}/`)) return "true";
  return undefined;
}

/** The portal's main navigation: a row of links, the current one marked (aria-current, bar and bold). */
export function PortalNav({ items, label }: PortalNavProps) {
  const [location] = useLocation();
  return (
    <nav className="hs-nav" aria-label={label}>
      <ul className="hs-nav__list">
        {items.map((item) => {
          const current = currentFor(item.href, location);
          return (
            <li key={item.href} className="hs-nav__item">
              <Link href={item.href} className={cx("hs-nav__link", current && "hs-nav__link--current")} aria-current={current}>
                {item.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
