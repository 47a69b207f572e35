import { type InputHTMLAttributes, type Ref, useId } from "react";
import { cx } from "./classNames.ts";
import { FieldLabel } from "./FieldLabel.tsx";
import { Icon } from "./Icon.tsx";

export interface TextFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, "id" | "type" | "className"> {
  label: string;
  type?: "text" | "email" | "password" | "search" | "tel" | "url" | "number";
  /** A hint below the label, read out with the field. */
  description?: string;
  /** What is wrong with the value; marks the field invalid and is read out with it. */
  error?: string | null;
  ref?: Ref<HTMLInputElement>;
}

/** A labelled text input in the Utrecht form-field pattern; hint and error are tied to it with aria-describedby. */
export function TextField({ label, type = "text", description, error, ref, ...inputProps }: TextFieldProps) {
  const id = useId();
  const descriptionId = `${id}-description`;
  const errorId = `${id}-error`;
  const describedBy = cx(description && descriptionId, error && errorId) || undefined;
  return (
    <div className={cx("utrecht-form-field", "utrecht-form-field--text", error && "utrecht-form-field--invalid", "hs-field")}>
      <FieldLabel id={id} label={label} description={description} descriptionId={descriptionId} />
      {error && (
        <div className="utrecht-form-field-error-message hs-field__error" id={errorId}>
          <Icon name="error" />
          <span>{error}</span>
        </div>
      )}
      <div className="utrecht-form-field__input">
        <input
          ref={ref}
          id={id}
          type={type}
          className={cx("utrecht-textbox", "utrecht-textbox--html-input", error && "utrecht-textbox--invalid", "hs-textbox")}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          {...inputProps}
        />
      </div>
    </div>
  );
}
