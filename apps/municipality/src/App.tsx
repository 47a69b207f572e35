import { NotFound } from "@homestart/ui";
import { Route, Switch } from "wouter";
import { FiguresPage } from "./FiguresPage.tsx";

/** The municipal officer's one page so far: their municipality's figures. */
export function App() {
  return (
    <Switch>
      <Route path="/" component={FiguresPage} />
      <Route>
        <NotFound />
      </Route>
    </Switch>
  );
}
