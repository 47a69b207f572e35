import { builder } from "../builder.ts";
import "./scalars.ts";
import "./dashboard.ts";
import "./errors.ts";
import "./families.ts";
import "./family-registration.ts";
import "./figures.ts";
import "./locations.ts";
import "./municipalities.ts";
import "./national.ts";
import "./referrer-notices.ts";
import "./viewer.ts";

export const schema = builder.toSchema({ sortSchema: true });
