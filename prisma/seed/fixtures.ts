// Fixed inputs of the demo seed: organisations, locations and the municipalities they serve,
// scenarios for licences and visitaties, and the Dutch names and texts the generator draws from.
// Organisations, people and addresses are invented; municipality codes are the real CBS codes.
import type { QualityReviewOutcome } from "../../packages/db/src/index.ts";

export const DEMO_DOMAIN = "demo.home-start.nl";

export interface OrganisationSpec {
  key: string;
  name: string;
  city: string;
  email: string;
  phone: string;
}

export const ORGANISATIONS: readonly OrganisationSpec[] = [
  { key: "noord", name: "Stichting Welzijn Noord", city: "Groningen", email: "info@welzijn-noord.example.org", phone: "050-0001100" },
  {
    key: "fryslan",
    name: "Stichting Sociaal Werk Fryslân",
    city: "Leeuwarden",
    email: "info@sociaalwerk-fryslan.example.org",
    phone: "058-0002200",
  },
  { key: "debrug", name: "Welzijnsgroep De Brug", city: "Utrecht", email: "info@welzijnsgroep-debrug.example.org", phone: "030-0003300" },
  { key: "west", name: "Stichting Sociaal Werk West", city: "Den Haag", email: "info@sociaalwerk-west.example.org", phone: "070-0004400" },
  {
    key: "oost",
    name: "Stichting Welzijn Oost-Gelderland",
    city: "Doetinchem",
    email: "info@welzijn-oost.example.org",
    phone: "0314-005500",
  },
  { key: "zuid", name: "Stichting Welzijn Zuid", city: "Eindhoven", email: "info@welzijn-zuid.example.org", phone: "040-0006600" },
];

/** An age policy: 0 up to and including `max` years; from the date served unless `from` is given. */
export interface PolicySpec {
  max: number;
  from?: string;
  until?: string;
  note?: string;
}

export interface ServedMunicipalitySpec {
  code: string;
  /** Share of the location's families living here. */
  weight: number;
  /** Range of the 4-digit part of postcodes. */
  postcodes: readonly [number, number];
  policies: readonly PolicySpec[];
  /** Served only since this many months before the reference date (a municipality that joined). */
  joinedMonthsAgo?: number;
}

export type LicenceScenario = "active" | "feeOverdue" | "suspended" | "renewalApplied" | "renewalGranted" | "terminated";

export interface ActionSpec {
  text: string;
  dueMonthsAfter: number;
  completed: boolean;
}

export type ReviewSpec =
  | { kind: "performed"; monthsAgo: number; outcome: QualityReviewOutcome; actions?: readonly ActionSpec[] }
  | { kind: "planned"; monthsFromNow: number }
  | { kind: "cancelled"; monthsAgo: number };

export interface LocationSpec {
  key: string;
  name: string;
  city: string;
  organisation: string;
  startedOn: string;
  /** Closed on 31 December, this many years before the reference year. */
  closedYearsAgo?: number;
  phone: string;
  /** Families registered in three years at scale 1, and volunteers. */
  families: number;
  volunteers: number;
  groupMeetings: boolean;
  coordinator: { firstName: string; lastName: string };
  licence: LicenceScenario;
  /** How long the current licence has been in force. */
  licenceMonthsIn: number;
  reviews: readonly ReviewSpec[];
  municipalities: readonly ServedMunicipalitySpec[];
  /** A neighbouring municipality without Home-Start: registrations from there are not eligible. */
  neighbour: { code: string; postcodes: readonly [number, number] };
}

const AMERSFOORT_CHANGE = "Gemeenteraad heeft de doelgroep per 1 januari 2019 uitgebreid naar 0 t/m 17 jaar.";

export const LOCATIONS: readonly LocationSpec[] = [
  {
    key: "groningen",
    name: "Home-Start Groningen",
    city: "Groningen",
    organisation: "noord",
    startedOn: "2008-09-01",
    phone: "050-0001110",
    families: 70,
    volunteers: 28,
    groupMeetings: true,
    coordinator: { firstName: "Marieke", lastName: "Post" },
    licence: "active",
    licenceMonthsIn: 14,
    reviews: [
      {
        kind: "performed",
        monthsAgo: 44,
        outcome: "MEETS_WITH_ACTIONS",
        actions: [{ text: "Tussenevaluaties na zes maanden consequent vastleggen in het dossier.", dueMonthsAfter: 4, completed: true }],
      },
      { kind: "performed", monthsAgo: 8, outcome: "MEETS_STANDARDS" },
    ],
    municipalities: [{ code: "GM0014", weight: 1, postcodes: [9711, 9747], policies: [{ max: 6 }] }],
    neighbour: { code: "GM1966", postcodes: [9950, 9989] },
  },
  {
    key: "noord-drenthe",
    name: "Home-Start Noord-Drenthe",
    city: "Assen",
    organisation: "noord",
    startedOn: "2012-01-01",
    phone: "0592-001120",
    families: 55,
    volunteers: 24,
    groupMeetings: false,
    coordinator: { firstName: "Jolanda", lastName: "Hoekstra" },
    licence: "active",
    licenceMonthsIn: 27,
    reviews: [
      { kind: "performed", monthsAgo: 50, outcome: "MEETS_STANDARDS" },
      {
        kind: "performed",
        monthsAgo: 14,
        outcome: "MEETS_WITH_ACTIONS",
        actions: [
          { text: "VOG's van vrijwilligers die ouder zijn dan drie jaar laten vernieuwen.", dueMonthsAfter: 6, completed: false },
          { text: "Toestemming van ouders voor contact met de verwijzer schriftelijk vastleggen.", dueMonthsAfter: 3, completed: true },
        ],
      },
    ],
    municipalities: [
      { code: "GM0106", weight: 0.5, postcodes: [9401, 9409], policies: [{ max: 14 }] },
      { code: "GM1730", weight: 0.3, postcodes: [9471, 9489], policies: [{ max: 6 }] },
      { code: "GM1680", weight: 0.2, postcodes: [9451, 9462], policies: [{ max: 6 }] },
    ],
    neighbour: { code: "GM1731", postcodes: [9411, 9419] },
  },
  {
    key: "leeuwarden",
    name: "Home-Start Leeuwarden",
    city: "Leeuwarden",
    organisation: "fryslan",
    startedOn: "2010-03-01",
    phone: "058-0002210",
    families: 60,
    volunteers: 25,
    groupMeetings: true,
    coordinator: { firstName: "Sietske", lastName: "van der Meer" },
    licence: "renewalApplied",
    licenceMonthsIn: 34,
    reviews: [
      { kind: "performed", monthsAgo: 62, outcome: "MEETS_STANDARDS" },
      { kind: "performed", monthsAgo: 26, outcome: "MEETS_STANDARDS" },
      { kind: "planned", monthsFromNow: 4 },
    ],
    municipalities: [
      { code: "GM0080", weight: 0.75, postcodes: [8911, 8941], policies: [{ max: 17 }] },
      { code: "GM1949", weight: 0.25, postcodes: [8801, 8811], policies: [{ max: 6 }] },
    ],
    neighbour: { code: "GM0737", postcodes: [9250, 9269] },
  },
  {
    key: "utrecht",
    name: "Home-Start Utrecht",
    city: "Utrecht",
    organisation: "debrug",
    startedOn: "2007-01-01",
    phone: "030-0003310",
    families: 80,
    volunteers: 30,
    groupMeetings: true,
    coordinator: { firstName: "Hanneke", lastName: "van Dam" },
    licence: "active",
    licenceMonthsIn: 20,
    reviews: [
      { kind: "performed", monthsAgo: 57, outcome: "MEETS_STANDARDS" },
      {
        kind: "performed",
        monthsAgo: 20,
        outcome: "MEETS_WITH_ACTIONS",
        actions: [
          { text: "Intervisie voor vrijwilligers minimaal vier keer per jaar organiseren.", dueMonthsAfter: 6, completed: true },
          {
            text: "Aanvullende training voor vrijwilligers over gezinnen met kinderen van 7 t/m 14 jaar.",
            dueMonthsAfter: 9,
            completed: true,
          },
        ],
      },
    ],
    municipalities: [{ code: "GM0344", weight: 1, postcodes: [3511, 3585], policies: [{ max: 14 }] }],
    neighbour: { code: "GM0356", postcodes: [3430, 3439] },
  },
  {
    key: "amersfoort",
    name: "Home-Start Amersfoort e.o.",
    city: "Amersfoort",
    organisation: "debrug",
    startedOn: "2011-05-01",
    phone: "033-0003320",
    families: 70,
    volunteers: 29,
    groupMeetings: true,
    coordinator: { firstName: "Lisanne", lastName: "Vermeulen" },
    licence: "active",
    licenceMonthsIn: 9,
    reviews: [
      { kind: "performed", monthsAgo: 41, outcome: "MEETS_STANDARDS" },
      {
        kind: "performed",
        monthsAgo: 5,
        outcome: "MEETS_WITH_ACTIONS",
        actions: [
          {
            text: "Wachttijd tussen aanmelding en start van de ondersteuning terugbrengen tot hooguit twee weken.",
            dueMonthsAfter: 3,
            completed: false,
          },
          { text: "Vrijwilligers trainen in het werken met gezinnen met pubers (13 t/m 17 jaar).", dueMonthsAfter: 7, completed: false },
          { text: "Folder in het Tigrinya en Arabisch beschikbaar maken voor verwijzers.", dueMonthsAfter: 2, completed: true },
        ],
      },
    ],
    municipalities: [
      {
        code: "GM0307",
        weight: 0.6,
        postcodes: [3811, 3829],
        policies: [
          { max: 6, until: "2018-12-31" },
          { max: 17, from: "2019-01-01", note: AMERSFOORT_CHANGE },
        ],
      },
      { code: "GM0327", weight: 0.15, postcodes: [3831, 3835], policies: [{ max: 6 }] },
      { code: "GM0342", weight: 0.25, postcodes: [3761, 3768], policies: [{ max: 14 }] },
    ],
    neighbour: { code: "GM0203", postcodes: [3770, 3781] },
  },
  {
    key: "den-haag",
    name: "Home-Start Den Haag",
    city: "Den Haag",
    organisation: "west",
    startedOn: "2009-01-01",
    phone: "070-0004410",
    families: 80,
    volunteers: 30,
    groupMeetings: true,
    coordinator: { firstName: "Yvonne", lastName: "Kok" },
    licence: "feeOverdue",
    licenceMonthsIn: 30,
    reviews: [
      { kind: "performed", monthsAgo: 69, outcome: "MEETS_STANDARDS" },
      { kind: "performed", monthsAgo: 33, outcome: "MEETS_STANDARDS" },
      { kind: "planned", monthsFromNow: 2 },
    ],
    municipalities: [
      { code: "GM0518", weight: 0.8, postcodes: [2491, 2597], policies: [{ max: 6 }] },
      { code: "GM0603", weight: 0.2, postcodes: [2281, 2289], policies: [{ max: 6 }] },
    ],
    neighbour: { code: "GM1916", postcodes: [2261, 2275] },
  },
  {
    key: "rotterdam-zuid",
    name: "Home-Start Rotterdam-Zuid",
    city: "Rotterdam",
    organisation: "west",
    startedOn: "2013-09-01",
    phone: "010-0004420",
    families: 75,
    volunteers: 29,
    groupMeetings: false,
    coordinator: { firstName: "Patrick", lastName: "Willems" },
    licence: "suspended",
    licenceMonthsIn: 23,
    reviews: [
      {
        kind: "performed",
        monthsAgo: 38,
        outcome: "MEETS_WITH_ACTIONS",
        actions: [
          {
            text: "Verwijzers bij start en einde van de ondersteuning informeren als ouders dat willen.",
            dueMonthsAfter: 3,
            completed: true,
          },
        ],
      },
      {
        kind: "performed",
        monthsAgo: 2,
        outcome: "DOES_NOT_MEET",
        actions: [
          { text: "Alle VOG's van actieve vrijwilligers ouder dan drie jaar vernieuwen.", dueMonthsAfter: 1, completed: false },
          { text: "Ontbrekende tussenevaluaties alsnog houden en vastleggen.", dueMonthsAfter: 3, completed: false },
          { text: "Verbeterplan opstellen en bespreken met het Landelijk Steunpunt.", dueMonthsAfter: 1, completed: true },
        ],
      },
    ],
    municipalities: [{ code: "GM0599", weight: 1, postcodes: [3071, 3089], policies: [{ max: 17 }] }],
    neighbour: { code: "GM0489", postcodes: [2990, 2994] },
  },
  {
    key: "eindhoven",
    name: "Home-Start Eindhoven",
    city: "Eindhoven",
    organisation: "zuid",
    startedOn: "2010-10-01",
    phone: "040-0006610",
    families: 65,
    volunteers: 27,
    groupMeetings: true,
    coordinator: { firstName: "Bart", lastName: "Hendriks" },
    licence: "renewalGranted",
    licenceMonthsIn: 35,
    reviews: [
      {
        kind: "performed",
        monthsAgo: 40,
        outcome: "MEETS_WITH_ACTIONS",
        actions: [
          { text: "Werving van vrijwilligers met kennis van Arabisch en Turks.", dueMonthsAfter: 12, completed: true },
          { text: "Dossiers van afgesloten gezinnen na de bewaartermijn anonimiseren.", dueMonthsAfter: 6, completed: true },
        ],
      },
      { kind: "cancelled", monthsAgo: 4 },
      { kind: "planned", monthsFromNow: 1 },
    ],
    municipalities: [
      { code: "GM0772", weight: 0.8, postcodes: [5611, 5658], policies: [{ max: 6 }] },
      { code: "GM0861", weight: 0.2, postcodes: [5501, 5509], policies: [{ max: 14 }] },
    ],
    neighbour: { code: "GM1771", postcodes: [5660, 5667] },
  },
  {
    key: "achterhoek",
    name: "Home-Start Achterhoek",
    city: "Doetinchem",
    organisation: "oost",
    startedOn: "2014-02-01",
    phone: "0314-005510",
    families: 55,
    volunteers: 24,
    groupMeetings: false,
    coordinator: { firstName: "Ellen", lastName: "Wolters" },
    licence: "active",
    licenceMonthsIn: 16,
    reviews: [
      { kind: "performed", monthsAgo: 44, outcome: "MEETS_STANDARDS" },
      { kind: "planned", monthsFromNow: -2 },
    ],
    municipalities: [
      { code: "GM0222", weight: 0.4, postcodes: [7001, 7009], policies: [{ max: 17 }] },
      { code: "GM1509", weight: 0.25, postcodes: [7081, 7091], policies: [{ max: 6 }] },
      { code: "GM1955", weight: 0.2, postcodes: [6941, 6946], policies: [{ max: 6 }] },
      { code: "GM1876", weight: 0.15, postcodes: [7221, 7261], policies: [{ max: 14 }], joinedMonthsAgo: 18 },
    ],
    neighbour: { code: "GM0197", postcodes: [7120, 7123] },
  },
  {
    key: "maastricht",
    name: "Home-Start Maastricht-Heuvelland",
    city: "Maastricht",
    organisation: "zuid",
    startedOn: "2012-06-01",
    phone: "043-0006620",
    families: 50,
    volunteers: 22,
    groupMeetings: true,
    coordinator: { firstName: "Chantal", lastName: "Maessen" },
    licence: "active",
    licenceMonthsIn: 31,
    reviews: [
      { kind: "performed", monthsAgo: 47, outcome: "MEETS_STANDARDS" },
      { kind: "performed", monthsAgo: 11, outcome: "MEETS_STANDARDS" },
    ],
    municipalities: [
      { code: "GM0935", weight: 0.75, postcodes: [6211, 6229], policies: [{ max: 6 }] },
      { code: "GM1903", weight: 0.25, postcodes: [6245, 6269], policies: [{ max: 6 }] },
    ],
    neighbour: { code: "GM0938", postcodes: [6230, 6231] },
  },
  {
    key: "zaanstad",
    name: "Home-Start Zaanstad",
    city: "Zaandam",
    organisation: "west",
    startedOn: "2011-01-01",
    closedYearsAgo: 5,
    phone: "075-0004430",
    families: 0,
    volunteers: 0,
    groupMeetings: false,
    coordinator: { firstName: "Monique", lastName: "Brink" },
    licence: "terminated",
    licenceMonthsIn: 0,
    reviews: [{ kind: "performed", monthsAgo: 96, outcome: "MEETS_STANDARDS" }],
    municipalities: [{ code: "GM0479", weight: 1, postcodes: [1501, 1567], policies: [{ max: 6 }] }],
    neighbour: { code: "GM0880", postcodes: [1530, 1531] },
  },
];

/** The demo coordinator logins: the location keys they work for. */
export const DEMO_COORDINATOR_LOCATION = "amersfoort";
export const DEMO_COORDINATOR2_LOCATION = "den-haag";
export const DEMO_OFFICER_MUNICIPALITY = "GM0307";

// ---------------------------------------------------------------------------
// Names (invented combinations), by the family's first language
// ---------------------------------------------------------------------------

export type Language = "nl" | "en" | "pl" | "tr" | "ar" | "ti";

export interface NamePool {
  women: readonly string[];
  men: readonly string[];
  children: readonly string[];
  surnames: readonly string[];
}

export const NAMES: Record<Language, NamePool> = {
  nl: {
    women: ["Anouk", "Sanne", "Lotte", "Fleur", "Iris", "Eva", "Lisa", "Femke", "Marloes", "Esther", "Linda", "Mirjam", "Ilse", "Joyce"],
    men: ["Bas", "Daan", "Jeroen", "Thijs", "Ruben", "Tim", "Mark", "Sander", "Niels", "Jasper", "Wouter", "Martijn", "Rick", "Joost"],
    children: [
      "Emma",
      "Julia",
      "Mila",
      "Tess",
      "Sophie",
      "Nora",
      "Noor",
      "Saar",
      "Fenna",
      "Lieke",
      "Noah",
      "Sem",
      "Liam",
      "Lucas",
      "Levi",
      "Finn",
      "Luuk",
      "Milan",
      "Mees",
      "Gijs",
    ],
    surnames: [
      "de Vries",
      "Jansen",
      "van den Berg",
      "Bakker",
      "Visser",
      "Smit",
      "Meijer",
      "de Boer",
      "Mulder",
      "de Groot",
      "Bos",
      "Vos",
      "Peters",
      "Hendriks",
      "van Leeuwen",
      "Dekker",
      "Brouwer",
      "de Wit",
      "Dijkstra",
      "de Graaf",
      "van der Linden",
      "Kok",
      "de Haan",
      "van den Heuvel",
      "van der Veen",
      "van den Broek",
      "Schouten",
      "van Dijk",
      "Hoekstra",
      "Koster",
      "Prins",
      "Huisman",
      "Kuipers",
      "Postma",
    ],
  },
  en: {
    women: ["Emily", "Sarah", "Laura", "Hannah", "Chloe"],
    men: ["James", "David", "Daniel", "Thomas", "Ryan"],
    children: ["Oliver", "Amelia", "Jack", "Grace", "Isla", "Harry"],
    surnames: ["Taylor", "Walker", "Wright", "Evans", "Hughes", "Clarke"],
  },
  pl: {
    women: ["Anna", "Katarzyna", "Magdalena", "Agnieszka", "Joanna"],
    men: ["Piotr", "Tomasz", "Paweł", "Krzysztof", "Michał"],
    children: ["Zofia", "Hanna", "Jan", "Antoni", "Lena", "Igor"],
    surnames: ["Nowak", "Wójcik", "Mazur", "Krawczyk", "Zając", "Król"],
  },
  tr: {
    women: ["Ayşe", "Elif", "Zeynep", "Emine", "Merve"],
    men: ["Mehmet", "Mustafa", "Ahmet", "Emre", "Murat"],
    children: ["Defne", "Eylül", "Yusuf", "Emir", "Ela", "Kerem"],
    surnames: ["Yılmaz", "Kaya", "Demir", "Şahin", "Çelik", "Yıldız", "Öztürk", "Aydın"],
  },
  ar: {
    women: ["Fatima", "Amina", "Nour", "Samira", "Layla", "Rania"],
    men: ["Mohammed", "Ahmad", "Omar", "Youssef", "Khaled", "Tarek"],
    children: ["Adam", "Yasmin", "Lina", "Rayan", "Sami", "Malak"],
    surnames: ["El Amrani", "Haddad", "Al-Khatib", "Mansour", "Othman", "Saleh", "Darwish"],
  },
  ti: {
    women: ["Senait", "Mebrat", "Selam", "Yordanos", "Helen"],
    men: ["Dawit", "Yonas", "Berhane", "Filmon", "Semere"],
    children: ["Natan", "Liya", "Saron", "Abel", "Eden", "Mikael"],
    surnames: ["Tesfay", "Gebremedhin", "Haile", "Kidane", "Tekle", "Berhe"],
  },
};

/** Names for staff, volunteers and referrers (Dutch pool, mixed with a few others). */
export const PEOPLE_FIRST = [
  "Annemiek",
  "Gerda",
  "Ria",
  "Wilma",
  "Petra",
  "Anja",
  "Corrie",
  "Henk",
  "Jan",
  "Kees",
  "Monique",
  "Ingrid",
  "Marjolein",
  "Els",
  "Tineke",
  "Hennie",
  "Loes",
  "Gert",
  "Bert",
  "Astrid",
  "Nadia",
  "Hatice",
  "Sylvia",
  "Margreet",
  "Jacqueline",
  "Willem",
  "Frank",
  "Rob",
  "Carla",
  "Yvonne",
] as const;

export const STREETS = [
  "Lindelaan",
  "Kastanjestraat",
  "Molenweg",
  "Kerkstraat",
  "Dorpsstraat",
  "Schoolstraat",
  "Beukenlaan",
  "Julianastraat",
  "Wilhelminastraat",
  "Oranjestraat",
  "Stationsweg",
  "Parklaan",
  "Tulpstraat",
  "Rozenstraat",
  "Merelstraat",
  "Zwanenhof",
  "Vlinderweg",
  "Eikenlaan",
  "Havenstraat",
  "Sportlaan",
] as const;

// ---------------------------------------------------------------------------
// Texts
// ---------------------------------------------------------------------------

export const LICENCE_CONDITIONS = [
  "Uitvoering volgens het Home-Start-programma en de landelijke methodiekbeschrijving.",
  "Per locatie ten minste één hbo-opgeleide coördinator met ervaring in het jeugdveld (minimaal 0,5 fte).",
  "Vrijwilligers volgen de basistraining vóór hun eerste koppeling en overleggen een VOG die niet ouder is dan drie jaar.",
  "De coördinator neemt deel aan het maandelijkse landelijke coördinatorenoverleg.",
  "De jaarcijfers worden vóór 1 maart aangeleverd bij het Landelijk Steunpunt.",
].join("\n");

export const LICENCE_QUALITY_STANDARDS = [
  "Kwaliteitskader Home-Start: visitatie door het Landelijk Steunpunt ten minste eens in de drie jaar.",
  "De ondersteuning start in de regel binnen twee weken na aanmelding; er zijn geen wachtlijsten.",
  "Tussenevaluatie na zes maanden en eindevaluatie bij de afsluiting, met de uitkomsten welbevinden ouder, positief opvoeden, gedrag kind en netwerk.",
  "Toestemming van ouders voor contact door de coördinator en voor informatie aan de verwijzer wordt vastgelegd en kan worden ingetrokken.",
].join("\n");

export const FINDINGS: Record<QualityReviewOutcome, readonly string[]> = {
  MEETS_STANDARDS: [
    "De locatie werkt volgens het Home-Start-programma. Coördinator en vrijwilligers zijn goed toegerust, de dossiers zijn op orde en toestemmingen van ouders zijn vastgelegd. Gezinnen en verwijzers zijn tevreden.",
    "De locatie voldoet aan de kwaliteitsnormen. Sterk punt is de snelle start na aanmelding; de samenwerking met consultatiebureau en wijkteam verloopt goed.",
  ],
  MEETS_WITH_ACTIONS: [
    "De locatie voldoet op hoofdlijnen aan de kwaliteitsnormen. Op enkele punten zijn verbeteracties afgesproken; de voortgang wordt besproken in het coördinatorenoverleg.",
    "Het programma wordt goed uitgevoerd en vrijwilligers voelen zich gesteund. De vastlegging in dossiers is niet overal volledig; zie de verbeteracties.",
  ],
  DOES_NOT_MEET: [
    "De locatie voldoet op dit moment niet aan de kwaliteitsnormen: meerdere vrijwilligers hebben een VOG ouder dan drie jaar, tussenevaluaties ontbreken in een deel van de dossiers en de tijd tot de start van de ondersteuning loopt op. Binnen drie maanden volgt een verbeterplan; de licentie is in afwachting daarvan geschorst.",
  ],
};

export const SUPPORT_QUESTIONS: ReadonlyArray<{ question: string; goal: string; olderChildren?: boolean; pregnancy?: boolean }> = [
  { question: "Ik wil meer rust en structuur in de dag met de kinderen.", goal: "Een vast dagritme met vaste slaap- en eetmomenten." },
  { question: "Ik voel me er vaak alleen voor staan.", goal: "Een paar mensen in de buurt kennen bij wie ik terecht kan." },
  { question: "Hoe ga ik om met de driftbuien van onze peuter?", goal: "Rustig en consequent reageren bij driftbuien." },
  {
    question: "Ik wil wegwijs worden in de voorzieningen in de wijk.",
    goal: "Zelf de weg vinden naar consultatiebureau, bibliotheek en peuteropvang.",
  },
  {
    question: "Ik wil de administratie en de post weer overzichtelijk krijgen.",
    goal: "Zelf de post bijhouden en rekeningen op tijd betalen.",
  },
  { question: "Sinds de scheiding lukt het me niet om tijd voor mezelf te maken.", goal: "Elke week een moment voor mezelf inplannen." },
  {
    question: "Ik wil beter Nederlands spreken om met school en consultatiebureau te praten.",
    goal: "Zelfstandig een gesprek met de leerkracht of jeugdverpleegkundige voeren.",
  },
  { question: "Onze oudste heeft moeite met de komst van de baby.", goal: "Meer één-op-één aandacht voor de oudste." },
  { question: "Ik wil leren spelen en voorlezen met mijn kind.", goal: "Dagelijks samen een boekje lezen." },
  { question: "Ik ben vaak moe en somber en zie tegen de dag op.", goal: "Weer plezier ervaren in dingen doen met de kinderen." },
  {
    question: "Hoe bereid ik me voor op de bevalling en de eerste weken?",
    goal: "Een haalbare planning en hulp geregeld voor na de bevalling.",
    pregnancy: true,
  },
  {
    question: "Onze zoon van tien zit veel thuis en heeft weinig vriendjes.",
    goal: "Een sport- of clubactiviteit voor hem vinden.",
    olderChildren: true,
  },
  {
    question: "Ik maak me zorgen over het schermgebruik van onze puber.",
    goal: "Samen afspraken maken over schermtijd.",
    olderChildren: true,
  },
  {
    question: "Hoe houd ik contact met mijn dochter nu ze naar de middelbare school gaat?",
    goal: "Elke week een vast moment samen.",
    olderChildren: true,
  },
];

export const INTERIM_SUMMARIES = [
  "Tussenevaluatie: de ondersteuning loopt goed. Moeder ervaart meer rust in huis; afgesproken om de komende maanden te werken aan het netwerk.",
  "Tussenevaluatie: het gezin waardeert de wekelijkse bezoeken. Het dagritme is verbeterd; de hulpvraag over de administratie blijft aandacht vragen.",
  "Tussenevaluatie: vader en moeder geven aan dat ze zich gesteund voelen. Doelen bijgesteld: meer nadruk op contacten in de buurt.",
  "Tussenevaluatie: ouder is zelfstandiger in contact met school en consultatiebureau. Ondersteuning wordt voortgezet.",
];

export const FINAL_SUMMARIES: Record<"ALL" | "PARTLY" | "NONE", readonly string[]> = {
  ALL: [
    "Eindevaluatie: de doelen zijn bereikt. Ouder voelt zich sterker en heeft een eigen netwerk in de buurt opgebouwd.",
    "Eindevaluatie: het gezin redt zich weer goed; de vrijwilliger heeft in de laatste weken geholpen het netwerk te versterken.",
  ],
  PARTLY: [
    "Eindevaluatie: een deel van de doelen is bereikt. Het dagritme is verbeterd; voor de administratie is het gezin doorverwezen naar de schuldhulp.",
    "Eindevaluatie: ouder ervaart meer rust, maar het netwerk is nog klein. Afgesproken dat ouder de koffieochtenden blijft bezoeken.",
  ],
  NONE: [
    "Eindevaluatie: de doelen zijn niet bereikt; de ondersteuning paste op dit moment niet bij de situatie van het gezin.",
    "Eindevaluatie: door de veranderde situatie van het gezin kon niet aan de doelen worden gewerkt.",
  ],
};

export const VISIT_NOTES = [
  "Kennismaking met coördinator, vrijwilliger en gezin.",
  "Samen naar het consultatiebureau geweest.",
  "Wandeling naar de speeltuin met de kinderen.",
  "Gesproken over dagritme en slapen.",
  "Samen boodschappen gedaan en gekookt.",
  "Voorgelezen met de kinderen; moeder oefende Nederlands.",
  "Samen formulieren voor de kinderopvangtoeslag ingevuld.",
  "Bezoek aan de bibliotheek; kinderen lid gemaakt.",
  "Gesproken over de overgang naar de basisschool.",
] as const;

export const SUPERVISION_NOTES = [
  "Voortgang in het gezin besproken; vrijwilliger ervaart de ondersteuning als zinvol.",
  "Besproken hoe de vrijwilliger grenzen bewaakt bij hulpvragen over geld.",
  "Afronding van de ondersteuning voorbereid: aandacht voor het eigen netwerk van het gezin.",
  "Vrijwilliger maakt zich zorgen over de stemming van moeder; afgesproken dat de coördinator contact opneemt.",
  "Evaluatie van het eerste halfjaar; vrijwilliger wil graag een tweede gezin.",
  "Intervisie met andere vrijwilligers besproken; vrijwilliger sluit in het voorjaar aan.",
] as const;

export const GROUP_MEETING_TOPICS = [
  "Slapen en huilen",
  "Voorlezen en taal",
  "Grenzen stellen",
  "Gezonde voeding",
  "Omgaan met stress",
  "Spelen en bewegen",
  "Wegwijs in de buurt",
  "Naar de basisschool",
] as const;

export const GROUP_MEETING_TITLES = ["Koffieochtend voor ouders", "Ouder-en-kindochtend", "Themabijeenkomst"] as const;

export const AVAILABILITY_SLOTS = [
  "MON_MORNING",
  "MON_AFTERNOON",
  "TUE_MORNING",
  "TUE_AFTERNOON",
  "WED_MORNING",
  "WED_AFTERNOON",
  "THU_MORNING",
  "THU_AFTERNOON",
  "FRI_MORNING",
  "FRI_AFTERNOON",
  "MON_EVENING",
  "TUE_EVENING",
  "WED_EVENING",
  "THU_EVENING",
  "SAT_MORNING",
] as const;
