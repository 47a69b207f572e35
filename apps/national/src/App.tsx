import { NotFound } from "@homestart/ui";
import { Route, Switch } from "wouter";
import { AnnualFiguresPage } from "./features/figures/AnnualFiguresPage.tsx";
import { ApplyLicencePage } from "./features/licences/ApplyLicencePage.tsx";
import { LicencePage } from "./features/licences/LicencePage.tsx";
import { LicencesPage } from "./features/licences/LicencesPage.tsx";
import { MunicipalitiesPage } from "./features/municipalities/MunicipalitiesPage.tsx";
import { MunicipalityPage } from "./features/municipalities/MunicipalityPage.tsx";
import { LocationPage, NewLocationPage } from "./features/organisations/LocationPage.tsx";
import { LocationsPage } from "./features/organisations/LocationsPage.tsx";
import { NewOrganisationPage, OrganisationPage } from "./features/organisations/OrganisationPage.tsx";
import { OrganisationsPage } from "./features/organisations/OrganisationsPage.tsx";
import { OverviewPage } from "./features/overview/OverviewPage.tsx";
import { ImprovementActionsPage } from "./features/visitaties/ImprovementActionsPage.tsx";
import { LocationVisitatiesPage } from "./features/visitaties/LocationVisitatiesPage.tsx";
import { PlannerPage } from "./features/visitaties/PlannerPage.tsx";
import { decodeParam } from "./ids.ts";

/** The national office's pages: the overview and the annual figures. */
export function App() {
  return (
    <Switch>
      <Route path="/" component={OverviewPage} />
      <Route path="/jaarcijfers" component={AnnualFiguresPage} />
      <Route path="/licenties" component={LicencesPage} />
      <Route path="/licenties/aanvragen" component={ApplyLicencePage} />
      <Route path="/licenties/:id">{(params) => <LicencePage id={decodeParam(params.id)} />}</Route>
      <Route path="/visitaties" component={PlannerPage} />
      <Route path="/visitaties/acties" component={ImprovementActionsPage} />
      <Route path="/visitaties/:id">{(params) => <LocationVisitatiesPage id={decodeParam(params.id)} />}</Route>
      <Route path="/gemeenten" component={MunicipalitiesPage} />
      <Route path="/gemeenten/:code">{(params) => <MunicipalityPage code={decodeParam(params.code)} />}</Route>
      <Route path="/organisaties" component={OrganisationsPage} />
      <Route path="/organisaties/nieuw" component={NewOrganisationPage} />
      <Route path="/organisaties/:id">{(params) => <OrganisationPage id={decodeParam(params.id)} />}</Route>
      <Route path="/locaties" component={LocationsPage} />
      <Route path="/locaties/nieuw" component={NewLocationPage} />
      <Route path="/locaties/:id">{(params) => <LocationPage id={decodeParam(params.id)} />}</Route>
      <Route>
        <NotFound />
      </Route>
    </Switch>
  );
}
