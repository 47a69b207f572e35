import { HomeIntro, QueryView, ScopeList } from "@homestart/ui";
import { useQuery } from "urql";
import { graphql } from "./gql/index.ts";
import { useAppT } from "./i18n.ts";

const CoordinatorHomeQuery = graphql(`
  query CoordinatorHome {
    me {
      id
      locations {
        id
        name
        city
      }
    }
  }
`);

/** Who is logged in, and the locations they coordinate. */
export function HomePage() {
  const t = useAppT();
  const [result, reexecute] = useQuery({ query: CoordinatorHomeQuery });
  return (
    <>
      <HomeIntro />
      <QueryView result={result} retry={() => reexecute({ requestPolicy: "network-only" })}>
        {(data) => (
          <ScopeList
            id="locations"
            icon="location"
            heading={t("locations.heading")}
            intro={t("locations.intro")}
            items={(data.me?.locations ?? []).map((location) => ({ id: location.id, title: location.name, details: [location.city] }))}
            emptyTitle={t("locations.emptyTitle")}
            emptyText={t("locations.emptyText")}
          />
        )}
      </QueryView>
    </>
  );
}
