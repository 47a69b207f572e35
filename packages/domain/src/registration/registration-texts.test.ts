import { describe, expect, it } from "vitest";
import { PUBLIC_CONSENTS } from "./public-registration-consents.ts";
import { REGISTRATION_LANGUAGES } from "./registration-offer.ts";
import { CONSENT_TEXTS, consentText, registrationConfirmationEmail } from "./registration-texts.ts";

const SCRIPT = { ar: /\p{Script=Arabic}/u, ti: /\p{Script=Ethiopic}/u } as const;

describe("consent and e-mail texts in the six languages of the folder (seed 004)", () => {
  it("every consent has a title, statement and explanation in every language, in its own script", () => {
    for (const language of REGISTRATION_LANGUAGES) {
      for (const consent of PUBLIC_CONSENTS) {
        const t = CONSENT_TEXTS[language][consent];
        for (const part of [t.title, t.text, t.explanation]) {
          expect(part.trim().length, `${language} ${consent}`).toBeGreaterThan(5);
          if (language === "ar" || language === "ti") expect(part, `${language} ${consent}`).toMatch(SCRIPT[language]);
        }
      }
    }
  });

  it("no two languages share a statement (nothing left untranslated)", () => {
    for (const consent of PUBLIC_CONSENTS) {
      const statements = REGISTRATION_LANGUAGES.map((l) => CONSENT_TEXTS[l][consent].text);
      expect(new Set(statements).size).toBe(REGISTRATION_LANGUAGES.length);
    }
  });

  it("fills in the call-back days", () => {
    expect(consentText("nl", "CONTACT_BY_COORDINATOR", 3).explanation).toContain("binnen 3 werkdagen");
    const mail = registrationConfirmationEmail("ar", 3);
    expect(mail.body).toContain("3");
    expect(mail.body).not.toContain("{days}");
    for (const language of REGISTRATION_LANGUAGES) expect(registrationConfirmationEmail(language, 3).body).toContain("info@home-start.nl");
  });
});
