import { portalSuite } from "../../../packages/ui/testing/portal-suite.ts";

portalSuite({
  portal: "municipality",
  urlVariable: "E2E_MUNICIPALITY_URL",
  title: { nl: "Gemeenteportaal", en: "Municipality portal" },
  role: "MUNICIPAL_OFFICER",
  wrongRole: "COORDINATOR",
  wrongRoleMessage: "Dit portaal is voor medewerkers van gemeenten.",
  home: { nl: ["Uw gemeenten", "Amersfoort", "CBS-code GM0307"], en: ["Your municipalities", "CBS code GM0307"] },
});
