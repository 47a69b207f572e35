import type { ReactNode } from "react";
import { Link } from "wouter";
import { useT } from "../i18n/I18nProvider.tsx";
import { Heading } from "./Heading.tsx";
import { Icon } from "./Icon.tsx";
import { usePageTitle } from "./PageTitle.tsx";

export interface NotFoundProps {
  title?: string;
  children?: ReactNode;
  /** Where "back" goes, and what it says. */
  back?: { href: string; label: string };
}

/** A page (or record) that does not exist, or not for this user: says so plainly and offers a way back. */
export function NotFound({ title, children, back }: NotFoundProps) {
  const t = useT();
  const heading = title ?? t("notFound.title");
  usePageTitle(heading);
  return (
    <section className="hs-panel hs-narrow hs-not-found" aria-labelledby="not-found-title">
      <span className="hs-empty__icon">
        <Icon name="info" />
      </span>
      <Heading level={1} id="not-found-title">
        {heading}
      </Heading>
      <div className="hs-not-found__text">{children ?? <p>{t("notFound.text")}</p>}</div>
      <p>
        <Link href={back?.href ?? "/"} className="utrecht-link utrecht-link--html-a">
          {back?.label ?? t("notFound.home")}
        </Link>
      </p>
    </section>
  );
}
