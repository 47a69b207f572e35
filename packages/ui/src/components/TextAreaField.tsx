import { type Ref, type TextareaHTMLAttributes, useId } from "react";
import { cx } from "./classNames.ts";
import { FieldLabel } from "./FieldLabel.tsx";
import { Icon } from "./Icon.tsx";

export interface TextAreaFieldProps extends Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, "id" | "className"> {
  label: string;
  description?: string;
  error?: string | null;
  ref?: Ref<HTMLTextAreaElement>;
}

/** A labelled multi-line text in the Utrecht form-field pattern. */
export function TextAreaField({ label, description, error, ref, rows = 4, ...props }: TextAreaFieldProps) {
  const id = useId();
  const descriptionId = `${id}-description`;
  const errorId = `${id}-error`;
  return (
    <div className={cx("utrecht-form-field", "utrecht-form-field--textarea", error && "utrecht-form-field--invalid", "hs-field")}>
      <FieldLabel id={id} label={label} description={description} descriptionId={descriptionId} />
      {error && (
        <div className="utrecht-form-field-error-message hs-field__error" id={errorId}>
          <Icon name="error" />
          <span>{error}</span>
        </div>
      )}
      <div className="utrecht-form-field__input">
        <textarea
          ref={ref}
          id={id}
          rows={rows}
          className={cx("utrecht-textarea", "utrecht-textarea--html-textarea", error && "utrecht-textarea--invalid", "hs-textbox")}
          aria-invalid={error ? true : undefined}
          aria-describedby={cx(description && descriptionId, error && errorId) || undefined}
          {...props}
        />
      </div>
    </div>
  );
}
