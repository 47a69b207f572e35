import { portalViteConfig } from "../../packages/ui/config/vite.ts";

// The public registration page: no login, but the same /graphql proxy and build as the portals.
export default portalViteConfig({ port: 5176 });
