// Browser tests: apps/*/e2e/*.e2e.ts against the built portals and a real API on a fresh,
// seeded embedded database. Run `npm run build` first; then `npm run e2e`.
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["apps/*/e2e/**/*.e2e.ts"],
    globalSetup: ["scripts/e2e/global-setup.ts"],
    fileParallelism: false,
    testTimeout: 90_000,
    hookTimeout: 240_000,
  },
});
