import { type FormEvent, useEffect, useRef, useState } from "react";
import type { LocalizedText } from "../api/operations.ts";
import { type FailureReason, useAuth } from "../auth/AuthProvider.tsx";
import type { SharedKey } from "../i18n/dictionaries.ts";
import { useLocalized, useT } from "../i18n/I18nProvider.tsx";
import { Alert } from "./Alert.tsx";
import { Button } from "./Button.tsx";
import { TextField } from "./TextField.tsx";

type Field = "email" | "password";
/** A message kept as a key or as the API's { nl, en } pair, so it follows a language switch. */
type Message = { key: SharedKey } | { text: LocalizedText };
type Problem = { text: LocalizedText } | { failure: FailureReason };

const LOOKS_LIKE_EMAIL = /^[^\s@]+@[^\s@]+$/;

function validate(email: string, password: string): Partial<Record<Field, Message>> {
  const errors: Partial<Record<Field, Message>> = {};
  if (email.trim() === "") errors.email = { key: "login.emailRequired" };
  else if (!LOOKS_LIKE_EMAIL.test(email.trim())) errors.email = { key: "login.emailInvalid" };
  if (password === "") errors.password = { key: "login.passwordRequired" };
  return errors;
}

/**
 * E-mail and password. Mistakes show at their field (aria-describedby, aria-invalid) and take
 * focus; a refusal from the API shows above the form in the user's language. What was typed stays.
 */
export function LoginForm() {
  const t = useT();
  const localized = useLocalized();
  const { login } = useAuth();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [errors, setErrors] = useState<Partial<Record<Field, Message>>>({});
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);
  const emailRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);
  const problemRef = useRef<HTMLDivElement>(null);
  // Where focus goes once the messages are on screen.
  const [focusTarget, setFocusTarget] = useState<{ to: Field | "problem" } | null>(null);

  useEffect(() => {
    if (!focusTarget) return;
    const target = { email: emailRef, password: passwordRef, problem: problemRef }[focusTarget.to];
    target.current?.focus();
  }, [focusTarget]);

  const show = (message: Message | undefined) => (message ? ("key" in message ? t(message.key) : localized(message.text)) : null);

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy) return;
    const found = validate(email, password);
    setProblem(null);
    setErrors(found);
    const firstInvalid = (["email", "password"] as const).find((field) => found[field]);
    if (firstInvalid) {
      setFocusTarget({ to: firstInvalid });
      return;
    }
    setBusy(true);
    const outcome = await login(email.trim(), password);
    setBusy(false);
    if (outcome.kind === "ok") return;
    if (outcome.kind === "refused") {
      const field = outcome.refusal.field;
      if (field === "email" || field === "password") {
        setErrors({ [field]: { text: outcome.refusal.message } });
        setFocusTarget({ to: field });
        return;
      }
      setProblem({ text: outcome.refusal.message });
    } else {
      setProblem({ failure: outcome.reason });
    }
    setFocusTarget({ to: "problem" });
  };

  return (
    <form className="hs-login-form" noValidate onSubmit={onSubmit} aria-busy={busy || undefined}>
      {problem && (
        <Alert type="error" role="alert" title={t("login.refusedTitle")} tabIndex={-1} ref={problemRef} className="hs-login-form__problem">
          <p>{"text" in problem ? localized(problem.text) : t(problem.failure === "unavailable" ? "error.network" : "error.unexpected")}</p>
        </Alert>
      )}
      <TextField
        ref={emailRef}
        label={t("login.email")}
        type="email"
        name="email"
        autoComplete="username"
        autoCapitalize="none"
        spellCheck={false}
        inputMode="email"
        required
        value={email}
        onChange={(event) => setEmail(event.target.value)}
        error={show(errors.email)}
      />
      <TextField
        ref={passwordRef}
        label={t("login.password")}
        type="password"
        name="password"
        autoComplete="current-password"
        required
        value={password}
        onChange={(event) => setPassword(event.target.value)}
        error={show(errors.password)}
      />
      <div className="hs-login-form__actions">
        <Button type="submit" appearance="primary" busy={busy}>
          {busy ? t("login.busy") : t("login.submit")}
        </Button>
      </div>
    </form>
  );
}
