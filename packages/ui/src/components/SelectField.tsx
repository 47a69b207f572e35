import { type Ref, type SelectHTMLAttributes, useId } from "react";
import { cx } from "./classNames.ts";
import { FieldLabel } from "./FieldLabel.tsx";

export interface SelectFieldProps extends Omit<SelectHTMLAttributes<HTMLSelectElement>, "id" | "className" | "children"> {
  label: string;
  description?: string;
  options: ReadonlyArray<{ value: string; label: string }>;
  ref?: Ref<HTMLSelectElement>;
}

/** A labelled drop-down in the Utrecht form-field pattern. */
export function SelectField({ label, description, options, ref, ...selectProps }: SelectFieldProps) {
  const id = useId();
  const descriptionId = `${id}-description`;
  return (
    <div className="utrecht-form-field utrecht-form-field--select hs-field">
      <FieldLabel id={id} label={label} description={description} descriptionId={descriptionId} />
      <div className="utrecht-form-field__input">
        <select
          ref={ref}
          id={id}
          className={cx("utrecht-select", "utrecht-select--html-select", "hs-select")}
          aria-describedby={description ? descriptionId : undefined}
          {...selectProps}
        >
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}
