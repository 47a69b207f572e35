/** The label and optional hint of a form field, in the Utrecht form-field pattern. */
export function FieldLabel({
  id,
  label,
  description,
  descriptionId,
}: {
  id: string;
  label: string;
  description?: string;
  descriptionId: string;
}) {
  return (
    <>
      <div className="utrecht-form-field__label">
        <label className="utrecht-form-label" htmlFor={id}>
          {label}
        </label>
      </div>
      {description && (
        <div className="utrecht-form-field-description" id={descriptionId}>
          {description}
        </div>
      )}
    </>
  );
}
