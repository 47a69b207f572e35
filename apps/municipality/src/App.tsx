import { NotFound } from "@homestart/ui";
import { Route, Switch } from "wouter";
import { HomeFiguresPage, MunicipalityFiguresPage } from "./features/figures/MunicipalityFiguresPage.tsx";

/** The municipal officer's pages: their municipality's figures, by default the first of theirs. */
export function App() {
  return (
    <Switch>
      <Route path="/" component={HomeFiguresPage} />
      <Route path="/gemeente/:id" component={MunicipalityFiguresPage} />
      <Route>
        <NotFound />
      </Route>
    </Switch>
  );
}
