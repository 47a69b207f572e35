import { useId } from "react";
import { cx } from "./classNames.ts";
import { Icon } from "./Icon.tsx";

export interface ChoiceGroupProps<V extends string> {
  legend: string;
  description?: string;
  error?: string | null;
  options: ReadonlyArray<{ value: V; label: string; description?: string }>;
  /** "single": radio buttons (value is the one chosen); "multiple": check boxes. */
  mode: "single" | "multiple";
  value: readonly V[];
  onChange: (value: V[]) => void;
  name?: string;
}

/** A fieldset of radio buttons or check boxes in the Utrecht pattern; legend, hint and error read out with it. */
export function ChoiceGroup<V extends string>({ legend, description, error, options, mode, value, onChange, name }: ChoiceGroupProps<V>) {
  const id = useId();
  const descriptionId = `${id}-description`;
  const errorId = `${id}-error`;
  const toggle = (option: V, checked: boolean) => {
    if (mode === "single") onChange([option]);
    else onChange(checked ? [...value, option] : value.filter((v) => v !== option));
  };
  return (
    <fieldset
      className={cx("utrecht-form-fieldset", "hs-fieldset", error && "utrecht-form-fieldset--invalid")}
      aria-describedby={cx(description && descriptionId, error && errorId) || undefined}
      aria-invalid={error ? true : undefined}
    >
      <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--distanced">{legend}</legend>
      {description && (
        <div className="utrecht-form-field-description" id={descriptionId}>
          {description}
        </div>
      )}
      {error && (
        <div className="utrecht-form-field-error-message hs-field__error" id={errorId}>
          <Icon name="error" />
          <span>{error}</span>
        </div>
      )}
      {options.map((option) => {
        const optionId = `${id}-${option.value}`;
        const checked = value.includes(option.value);
        return (
          <div
            key={option.value}
            className={cx(
              "utrecht-form-field",
              mode === "single" ? "utrecht-form-field--radio" : "utrecht-form-field--checkbox",
              "hs-choice",
            )}
          >
            <div className="utrecht-form-field__input">
              <input
                id={optionId}
                type={mode === "single" ? "radio" : "checkbox"}
                name={name ?? id}
                value={option.value}
                checked={checked}
                onChange={(event) => toggle(option.value, event.target.checked)}
                className={
                  mode === "single"
                    ? "utrecht-radio-button utrecht-radio-button--html-input"
                    : "utrecht-checkbox utrecht-checkbox--html-input"
                }
                aria-describedby={option.description ? `${optionId}-description` : undefined}
              />
            </div>
            <div className="utrecht-form-field__label">
              <label className="utrecht-form-label" htmlFor={optionId}>
                {option.label}
              </label>
            </div>
            {option.description && (
              <div className="utrecht-form-field-description" id={`${optionId}-description`}>
                {option.description}
              </div>
            )}
          </div>
        );
      })}
    </fieldset>
  );
}
