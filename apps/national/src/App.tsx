import { NotFound } from "@homestart/ui";
import { Route, Switch } from "wouter";
import { AnnualFiguresPage } from "./AnnualFiguresPage.tsx";
import { OverviewPage } from "./OverviewPage.tsx";

/** The national office's pages: the overview and the annual figures. */
export function App() {
  return (
    <Switch>
      <Route path="/" component={OverviewPage} />
      <Route path="/jaarcijfers" component={AnnualFiguresPage} />
      <Route>
        <NotFound />
      </Route>
    </Switch>
  );
}
