import type { PublicConsent } from "./public-registration-consents.ts";
import { NATIONAL_OFFICE_CONTACT, type RegistrationLanguage } from "./registration-offer.ts";

/**
 * The consent texts of the public registration form, in the six languages of the folder (seed 004).
 * The statement (`text`) is what the parents agree to and is stored with their consent, together
 * with CONSENT_TEXT_VERSION; a change of any statement needs a new version.
 * `{days}` in an explanation is the number of working days within which the coordinator calls.
 */
export const CONSENT_TEXT_VERSION = "registration-2026-11";

export interface ConsentText {
  title: string;
  text: string;
  explanation: string;
}

export const CONSENT_TEXTS: Record<RegistrationLanguage, Record<PublicConsent, ConsentText>> = {
  nl: {
    PROCESSING: {
      title: "Uw gegevens gebruiken",
      text: "Ik geef Home-Start toestemming om de gegevens op dit formulier te bewaren en te gebruiken om ons gezin te ondersteunen.",
      explanation:
        "Alleen de coördinator van Home-Start bij u in de buurt ziet uw gegevens. We delen ze met niemand anders zonder uw toestemming. U kunt deze toestemming altijd weer intrekken.",
    },
    CONTACT_BY_COORDINATOR: {
      title: "Gebeld worden door de coördinator",
      text: "Ik vind het goed dat de coördinator van Home-Start mij over deze aanmelding belt of mailt.",
      explanation:
        "De coördinator belt u binnen {days} werkdagen om kennis te maken en te horen waar u steun bij wilt. Aanmelden verplicht u tot niets.",
    },
    NOTIFY_REFERRER_START_END: {
      title: "Bericht aan de verwijzer",
      text: "Ik vind het goed dat Home-Start de verwijzer laat weten wanneer de ondersteuning begint en wanneer die stopt.",
      explanation:
        "De verwijzer hoort alleen dát de ondersteuning begint en stopt, niet wat u met de vrijwilliger bespreekt. Dit is niet verplicht.",
    },
  },
  en: {
    PROCESSING: {
      title: "Using your details",
      text: "I give Home-Start permission to keep the details on this form and to use them to support our family.",
      explanation:
        "Only the Home-Start coordinator near you sees your details. We do not share them with anyone else without your permission. You can withdraw this permission at any time.",
    },
    CONTACT_BY_COORDINATOR: {
      title: "A call from the coordinator",
      text: "I agree that the Home-Start coordinator may phone or e-mail me about this registration.",
      explanation:
        "The coordinator will call you within {days} working days to get to know you and to hear what you would like support with. Registering does not commit you to anything.",
    },
    NOTIFY_REFERRER_START_END: {
      title: "Letting the referrer know",
      text: "I agree that Home-Start lets the referrer know when the support starts and when it ends.",
      explanation:
        "The referrer only hears that the support starts and ends, not what you talk about with the volunteer. This is optional.",
    },
  },
  pl: {
    PROCESSING: {
      title: "Korzystanie z Twoich danych",
      text: "Wyrażam zgodę, aby Home-Start przechowywał dane z tego formularza i wykorzystywał je do wspierania naszej rodziny.",
      explanation:
        "Twoje dane widzi tylko koordynator Home-Start z Twojej okolicy. Bez Twojej zgody nie przekazujemy ich nikomu innemu. Tę zgodę możesz w każdej chwili wycofać.",
    },
    CONTACT_BY_COORDINATOR: {
      title: "Telefon od koordynatora",
      text: "Zgadzam się, aby koordynator Home-Start zadzwonił do mnie lub napisał do mnie e-mail w sprawie tego zgłoszenia.",
      explanation:
        "Koordynator zadzwoni do Ciebie w ciągu {days} dni roboczych, aby się poznać i dowiedzieć się, w czym chcesz otrzymać wsparcie. Zgłoszenie do niczego Cię nie zobowiązuje.",
    },
    NOTIFY_REFERRER_START_END: {
      title: "Informacja dla osoby kierującej",
      text: "Zgadzam się, aby Home-Start poinformował osobę kierującą, kiedy wsparcie się rozpocznie i kiedy się zakończy.",
      explanation:
        "Osoba kierująca dowie się tylko, że wsparcie się rozpoczęło i zakończyło, a nie o czym rozmawiasz z wolontariuszem. To nie jest obowiązkowe.",
    },
  },
  tr: {
    PROCESSING: {
      title: "Bilgilerinizin kullanılması",
      text: "Home-Start'ın bu formdaki bilgileri saklamasına ve ailemize destek olmak için kullanmasına izin veriyorum.",
      explanation:
        "Bilgilerinizi yalnızca bölgenizdeki Home-Start koordinatörü görür. İzniniz olmadan bunları başka kimseyle paylaşmayız. Bu izni istediğiniz zaman geri alabilirsiniz.",
    },
    CONTACT_BY_COORDINATOR: {
      title: "Koordinatörün sizi araması",
      text: "Home-Start koordinatörünün bu başvuru hakkında beni telefonla aramasını veya bana e-posta göndermesini kabul ediyorum.",
      explanation:
        "Koordinatör sizinle tanışmak ve hangi konuda destek istediğinizi öğrenmek için {days} iş günü içinde sizi arar. Başvuru sizi hiçbir şeye zorunlu kılmaz.",
    },
    NOTIFY_REFERRER_START_END: {
      title: "Yönlendiren kişiye bilgi verilmesi",
      text: "Home-Start'ın, desteğin ne zaman başladığını ve ne zaman bittiğini yönlendiren kişiye bildirmesini kabul ediyorum.",
      explanation:
        "Yönlendiren kişi yalnızca desteğin başladığını ve bittiğini öğrenir; gönüllüyle neler konuştuğunuzu öğrenmez. Bu zorunlu değildir.",
    },
  },
  ar: {
    PROCESSING: {
      title: "استخدام بياناتك",
      text: "أوافق على أن تحتفظ Home-Start بالبيانات الواردة في هذا النموذج وأن تستخدمها لدعم أسرتنا.",
      explanation:
        "لا يطّلع على بياناتك إلا منسّق Home-Start في منطقتك. لا نشارك بياناتك مع أي جهة أخرى دون موافقتك. يمكنك سحب هذه الموافقة في أي وقت.",
    },
    CONTACT_BY_COORDINATOR: {
      title: "اتصال من المنسّق",
      text: "أوافق على أن يتصل بي منسّق Home-Start هاتفيًا أو يراسلني بالبريد الإلكتروني بشأن هذا التسجيل.",
      explanation: "سيتصل بك المنسّق خلال {days} أيام عمل ليتعرّف عليك ويعرف نوع الدعم الذي ترغب فيه. التسجيل لا يُلزمك بأي شيء.",
    },
    NOTIFY_REFERRER_START_END: {
      title: "إبلاغ الجهة المُحيلة",
      text: "أوافق على أن تُبلغ Home-Start الجهة المُحيلة بموعد بدء الدعم وموعد انتهائه.",
      explanation: "لن تعرف الجهة المُحيلة إلا أن الدعم قد بدأ أو انتهى، ولن تعرف ما تتحدث عنه مع المتطوّع. هذه الموافقة اختيارية.",
    },
  },
  ti: {
    PROCESSING: {
      title: "ሓበሬታኹም ምጥቃም",
      text: "Home-Start ነቲ ኣብዚ ቅጥዒ ዘሎ ሓበሬታ ክዕቅቦን ንስድራና ንምድጋፍ ክጥቀመሉን ፍቓደይ እህብ።",
      explanation: "ሓበሬታኹም ዝርኢ ኣብ ከባቢኹም ዘሎ ኣወሃሃዲ Home-Start ጥራይ እዩ። ብዘይ ፍቓድኩም ምስ ካልእ ሰብ ኣይንካፈሎን ኢና። ነዚ ፍቓድ ኣብ ዝኾነ እዋን ክትስሕብዎ ትኽእሉ ኢኹም።",
    },
    CONTACT_BY_COORDINATOR: {
      title: "ካብ ኣወሃሃዲ ዝመጽእ ደውል",
      text: "ኣወሃሃዲ Home-Start ብዛዕባ እዚ ምዝገባ ብተሌፎን ክድውለለይ ወይ ብኢ-መይል ክጽሕፈለይ እሰማማዕ እየ።",
      explanation: "ኣወሃሃዲ ንምልላይን ኣብ እንታይ ደገፍ ከም እትደልዩ ንምስማዕን ኣብ ውሽጢ {days} መዓልታት ስራሕ ክድውለልኩም እዩ። ምዝገባ ናብ ዝኾነ ግዴታ ኣየእትወኩምን እዩ።",
    },
    NOTIFY_REFERRER_START_END: {
      title: "ንዝመርሓኩም ሰብ ምሕባር",
      text: "Home-Start ደገፍ መዓስ ከም ዝጅምርን መዓስ ከም ዝውዳእን ንዝመርሓኒ ሰብ ክሕብሮ እሰማማዕ እየ።",
      explanation: "እቲ ዝመርሓኩም ሰብ ደገፍ ከም ዝጀመረን ከም ዝተወድአን ጥራይ እዩ ዝፈልጥ፣ ምስቲ ወለንታዊ እትዛረብዎ ግን ኣይፈልጥን። እዚ ግዴታ ኣይኮነን።",
    },
  },
};

const interpolateCount = (text: string, days: number) => text.replaceAll("{days}", String(days));

/** A consent's text in `language`, with the call-back days filled in. */
export function consentText(language: RegistrationLanguage, consent: PublicConsent, callBackWorkingDays: number): ConsentText {
  const t = CONSENT_TEXTS[language][consent];
  return { ...t, explanation: interpolateCount(t.explanation, callBackWorkingDays) };
}

interface EmailText {
  subject: string;
  body: string;
}

const { email, phone } = NATIONAL_OFFICE_CONTACT;

const CONFIRMATION_EMAILS: Record<RegistrationLanguage, EmailText> = {
  nl: {
    subject: "Uw aanmelding bij Home-Start",
    body: `Bedankt voor uw aanmelding bij Home-Start.\n\nDe coördinator belt u binnen {days} werkdagen om kennis te maken en te horen waar u steun bij wilt. Aanmelden verplicht u tot niets.\n\nHeeft u zich niet aangemeld? Laat het ons weten: ${email}, ${phone}.\n\nHome-Start Nederland`,
  },
  en: {
    subject: "Your registration with Home-Start",
    body: `Thank you for registering with Home-Start.\n\nThe coordinator will call you within {days} working days to get to know you and to hear what you would like support with. Registering does not commit you to anything.\n\nDid you not register? Please let us know: ${email}, ${phone}.\n\nHome-Start Netherlands`,
  },
  pl: {
    subject: "Twoje zgłoszenie do Home-Start",
    body: `Dziękujemy za zgłoszenie do Home-Start.\n\nKoordynator zadzwoni do Ciebie w ciągu {days} dni roboczych, aby się poznać i dowiedzieć się, w czym chcesz otrzymać wsparcie. Zgłoszenie do niczego Cię nie zobowiązuje.\n\nNie zgłaszałeś/zgłaszałaś się? Daj nam znać: ${email}, ${phone}.\n\nHome-Start Holandia`,
  },
  tr: {
    subject: "Home-Start başvurunuz",
    body: `Home-Start'a başvurduğunuz için teşekkür ederiz.\n\nKoordinatör sizinle tanışmak ve hangi konuda destek istediğinizi öğrenmek için {days} iş günü içinde sizi arayacak. Başvuru sizi hiçbir şeye zorunlu kılmaz.\n\nBu başvuruyu siz yapmadıysanız lütfen bize bildirin: ${email}, ${phone}.\n\nHome-Start Hollanda`,
  },
  ar: {
    subject: "تسجيلك في Home-Start",
    body: `شكرًا لتسجيلك في Home-Start.\n\nسيتصل بك المنسّق خلال {days} أيام عمل ليتعرّف عليك ويعرف نوع الدعم الذي ترغب فيه. التسجيل لا يُلزمك بأي شيء.\n\nإذا لم تقم بالتسجيل، فيُرجى إعلامنا: ${email}، ${phone}.\n\nHome-Start هولندا`,
  },
  ti: {
    subject: "ምዝገባኹም ኣብ Home-Start",
    body: `ኣብ Home-Start ስለ ዝተመዝገብኩም ነመስግነኩም።\n\nኣወሃሃዲ ንምልላይን ኣብ እንታይ ደገፍ ከም እትደልዩ ንምስማዕን ኣብ ውሽጢ {days} መዓልታት ስራሕ ክድውለልኩም እዩ። ምዝገባ ናብ ዝኾነ ግዴታ ኣየእትወኩምን እዩ።\n\nንስኹም እንተዘይተመዝገብኩም፣ በጃኹም ሓብሩና፦ ${email}፣ ${phone}።\n\nHome-Start ኔዘርላንድ`,
  },
};

/** The confirmation e-mail to a family that registered online, in its language; no personal data in it. */
export function registrationConfirmationEmail(language: RegistrationLanguage, callBackWorkingDays: number): EmailText {
  const e = CONFIRMATION_EMAILS[language];
  return { subject: e.subject, body: interpolateCount(e.body, callBackWorkingDays) };
}
