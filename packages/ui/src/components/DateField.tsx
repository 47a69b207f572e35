import type { InputHTMLAttributes, Ref } from "react";
import { TextField } from "./TextField.tsx";

export interface DateFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, "id" | "type" | "className" | "value" | "onChange"> {
  label: string;
  description?: string;
  error?: string | null;
  /** YYYY-MM-DD, or "" for none. */
  value: string;
  onChange: (value: string) => void;
  ref?: Ref<HTMLInputElement>;
}

/** A calendar date with the browser's own date picker (shown in the user's notation, sent as YYYY-MM-DD). */
export function DateField({ onChange, ...props }: DateFieldProps) {
  return <TextField {...props} type={"date" as "text"} onChange={(event) => onChange(event.target.value)} />;
}
