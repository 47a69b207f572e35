import { portalViteConfig } from "../../packages/ui/config/vite.ts";

export default portalViteConfig({ port: 5175 });
