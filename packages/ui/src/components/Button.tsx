import type { ButtonHTMLAttributes, MouseEvent, Ref } from "react";
import { cx } from "./classNames.ts";

export type ButtonAppearance = "primary" | "secondary" | "subtle";

const appearanceClass: Record<ButtonAppearance, string> = {
  primary: "utrecht-button--primary-action",
  secondary: "utrecht-button--secondary-action",
  subtle: "utrecht-button--subtle",
};

export interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  appearance?: ButtonAppearance;
  /** Working on it: announced (aria-busy), shows a spinner and ignores further clicks, but keeps focus. */
  busy?: boolean;
  ref?: Ref<HTMLButtonElement>;
}

export function Button({ appearance = "secondary", busy = false, type = "button", className, onClick, children, ...rest }: ButtonProps) {
  const handleClick = (event: MouseEvent<HTMLButtonElement>) => {
    if (busy) {
      event.preventDefault();
      return;
    }
    onClick?.(event);
  };
  return (
    <button
      type={type}
      className={cx(
        "utrecht-button",
        appearanceClass[appearance],
        type === "submit" && "utrecht-button--submit",
        busy && "utrecht-button--busy",
        "hs-button",
        className,
      )}
      aria-busy={busy || undefined}
      aria-disabled={busy || undefined}
      onClick={handleClick}
      {...rest}
    >
      {busy && <span className="hs-spinner hs-spinner--small" aria-hidden="true" />}
      {children}
    </button>
  );
}
