import { HomeIntro, QueryView, ScopeList } from "@homestart/ui";
import { useQuery } from "urql";
import { graphql } from "./gql/index.ts";
import { useAppT } from "./i18n.ts";

const MunicipalityHomeQuery = graphql(`
  query MunicipalityHome {
    me {
      id
      municipalities {
        id
        name
        code
        province
      }
    }
  }
`);

/** Who is logged in, and the municipalities whose figures they may see. */
export function HomePage() {
  const t = useAppT();
  const [result, reexecute] = useQuery({ query: MunicipalityHomeQuery });
  const toItem = (m: { id: string; name: string; code: string; province: string }) => ({
    id: m.id,
    title: m.name,
    details: [t("municipalities.province", { province: m.province }), t("municipalities.code", { code: m.code })],
  });
  return (
    <>
      <HomeIntro />
      <QueryView result={result} retry={() => reexecute({ requestPolicy: "network-only" })}>
        {(data) => (
          <ScopeList
            id="municipalities"
            icon="building"
            heading={t("municipalities.heading")}
            intro={t("municipalities.intro")}
            items={(data.me?.municipalities ?? []).map(toItem)}
            emptyTitle={t("municipalities.emptyTitle")}
            emptyText={t("municipalities.emptyText")}
          />
        )}
      </QueryView>
    </>
  );
}
