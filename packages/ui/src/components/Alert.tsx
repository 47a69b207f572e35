import type { ReactNode, Ref } from "react";
import { cx } from "./classNames.ts";
import { Icon } from "./Icon.tsx";

export type AlertType = "info" | "ok" | "warning" | "error";

export interface AlertProps {
  type?: AlertType;
  title?: string;
  /** "alert" for something that just went wrong (read out at once); "status" for news that can wait. Static text needs none. */
  role?: "alert" | "status";
  /** Set -1 to be able to move focus to the alert. */
  tabIndex?: number;
  ref?: Ref<HTMLDivElement>;
  className?: string;
  children?: ReactNode;
}

export function Alert({ type = "info", title, role, tabIndex, ref, className, children }: AlertProps) {
  return (
    <div ref={ref} className={cx("utrecht-alert", `utrecht-alert--${type}`, "hs-alert", className)} role={role} tabIndex={tabIndex}>
      <div className="utrecht-alert__icon">
        <Icon name={type} />
      </div>
      <div className="utrecht-alert__content">
        <div className="utrecht-alert__message">
          {title && <p className="hs-alert__title">{title}</p>}
          {children}
        </div>
      </div>
    </div>
  );
}
