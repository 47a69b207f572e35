import { type ReactNode, useEffect, useId, useRef, useState } from "react";
import { useT } from "../i18n/I18nProvider.tsx";
import { Button, type ButtonAppearance } from "./Button.tsx";

export interface ConfirmButtonProps {
  /** The button's text, e.g. "Toestemming intrekken". */
  children: ReactNode;
  /** The question in the dialog. */
  question: string;
  confirmLabel: string;
  onConfirm: () => void | Promise<void>;
  busy?: boolean;
  appearance?: ButtonAppearance;
}

/**
 * One click plus a confirmation: a native modal <dialog> (focus moves into it, Escape cancels, focus
 * returns to the button afterwards).
 */
export function ConfirmButton({ children, question, confirmLabel, onConfirm, busy, appearance = "secondary" }: ConfirmButtonProps) {
  const t = useT();
  const dialog = useRef<HTMLDialogElement>(null);
  const [open, setOpen] = useState(false);
  const questionId = useId();
  useEffect(() => {
    const d = dialog.current;
    if (!d) return;
    if (open && !d.open) d.showModal();
    if (!open && d.open) d.close();
  }, [open]);
  return (
    <>
      <Button appearance={appearance} busy={busy} onClick={() => setOpen(true)}>
        {children}
      </Button>
      <dialog ref={dialog} className="hs-dialog" aria-labelledby={questionId} onClose={() => setOpen(false)}>
        <p className="utrecht-paragraph" id={questionId}>
          {question}
        </p>
        <div className="hs-dialog__actions">
          <Button
            appearance="primary"
            onClick={async () => {
              setOpen(false);
              await onConfirm();
            }}
          >
            {confirmLabel}
          </Button>
          <Button appearance="subtle" onClick={() => setOpen(false)}>
            {t("form.cancel")}
          </Button>
        </div>
      </dialog>
    </>
  );
}
