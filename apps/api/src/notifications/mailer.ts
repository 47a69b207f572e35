// Outgoing e-mail over SMTP (nodemailer). Settings come from the environment; without them the
// API keeps messages in the OutboxEmail table instead (see deliver-referrer-notices.ts).
import nodemailer from "nodemailer";

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
}

/** Sends one message or throws; injectable so tests can point it at their own SMTP server. */
export interface Mailer {
  send(mail: OutgoingMail): Promise<void>;
  close?(): void;
}

export interface SmtpSettings {
  host: string;
  port: number;
  secure: boolean;
  user?: string;
  password?: string;
  from: string;
  /** Accept self-signed certificates (tests only). */
  allowUnauthorized?: boolean;
}

/** SMTP settings from SMTP_HOST, SMTP_PORT, SMTP_SECURE, SMTP_USER, SMTP_PASSWORD, MAIL_FROM; null when SMTP_HOST is unset. */
export function smtpSettingsFromEnv(env: NodeJS.ProcessEnv = process.env): SmtpSettings | null {
  const host = env.SMTP_HOST?.trim();
  if (!host) return null;
  const secure = env.SMTP_SECURE === "1" || env.SMTP_SECURE?.toLowerCase() === "true";
  const port = Number(env.SMTP_PORT ?? (secure ? 465 : 587));
  return {
    host,
    port: Number.isInteger(port) && port > 0 ? port : secure ? 465 : 587,
    secure,
    user: env.SMTP_USER || undefined,
    password: env.SMTP_PASSWORD || undefined,
    from: env.MAIL_FROM?.trim() || "Home-Start <no-reply@home-start.nl>",
  };
}

export function smtpMailer(settings: SmtpSettings): Mailer {
  const transport = nodemailer.createTransport({
    host: settings.host,
    port: settings.port,
    secure: settings.secure,
    auth: settings.user ? { user: settings.user, pass: settings.password ?? "" } : undefined,
    tls: settings.allowUnauthorized ? { rejectUnauthorized: false } : undefined,
    connectionTimeout: 15_000,
    greetingTimeout: 15_000,
    socketTimeout: 30_000,
  });
  return {
    async send(mail) {
      await transport.sendMail({ from: settings.from, to: mail.to, subject: mail.subject, text: mail.text });
    },
    close() {
      transport.close();
    },
  };
}

/** The mailer the environment asks for, or null (messages go to the outbox table). */
export function mailerFromEnv(env: NodeJS.ProcessEnv = process.env): Mailer | null {
  const settings = smtpSettingsFromEnv(env);
  return settings ? smtpMailer(settings) : null;
}

/**
 * A send error as a short text the coordinator may see: the SMTP code and response, with e-mail
 * addresses masked (servers echo the recipient) and no stack.
 */
export function describeSendError(error: unknown): string {
  const e = error as { code?: string; responseCode?: number; response?: string; message?: string };
  const text = [e.code, e.responseCode, e.response ?? e.message].filter((part) => part !== undefined && part !== "").join(" ");
  return (
    (text || "Unknown error")
      .replace(/[^\s<>@]+@[^\s<>@]+/g, "[address]")
      // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
      .replace(/[\u0000-\u001f\u007f]+/g, " ")
      .slice(0, 300)
  );
}
