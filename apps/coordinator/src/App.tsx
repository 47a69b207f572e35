import { NotFound } from "@homestart/ui";
import { Route, Switch } from "wouter";
import { FamiliesPage } from "./features/families/FamiliesPage.tsx";
import { FamilyPage } from "./features/families/FamilyPage.tsx";
import { GroupMeetingsPage } from "./features/group-meetings/GroupMeetingsPage.tsx";
import { RegisterFamilyPage } from "./features/registration/RegisterFamilyPage.tsx";
import { TodayPage } from "./features/today/TodayPage.tsx";
import { WeekVisitsPage } from "./features/visits/WeekVisitsPage.tsx";
import { EditVolunteerPage, NewVolunteerPage } from "./features/volunteers/VolunteerFormPage.tsx";
import { VolunteerPage } from "./features/volunteers/VolunteerPage.tsx";
import { VolunteersPage } from "./features/volunteers/VolunteersPage.tsx";

/** The coordinator's pages: Vandaag (the dashboard), Gezinnen and one family. */
export function App() {
  return (
    <Switch>
      <Route path="/" component={TodayPage} />
      <Route path="/gezinnen" component={FamiliesPage} />
      <Route path="/aanmelden" component={RegisterFamilyPage} />
      <Route path="/gezinnen/:id">{(params) => <FamilyPage id={decodeParam(params.id)} />}</Route>
      <Route path="/bezoeken" component={WeekVisitsPage} />
      <Route path="/vrijwilligers" component={VolunteersPage} />
      <Route path="/vrijwilligers/nieuw" component={NewVolunteerPage} />
      <Route path="/vrijwilligers/:id/wijzigen">{(params) => <EditVolunteerPage id={decodeParam(params.id)} />}</Route>
      <Route path="/vrijwilligers/:id">{(params) => <VolunteerPage id={decodeParam(params.id)} />}</Route>
      <Route path="/groepsbijeenkomsten" component={GroupMeetingsPage} />
      <Route>
        <NotFound />
      </Route>
    </Switch>
  );
}

/** Route parameters arrive as written in the address (ids are encoded there: base64 has "=" and "/"). */
function decodeParam(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
