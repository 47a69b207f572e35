// The Vite setup the three portals share (each portal's vite.config.ts passes its port).
// `vite preview` serves the production build and, like the dev server, proxies /graphql to the
// API, so the portal and the API are one origin and the HTTP-only session cookie just works.
import { defineConfig, type ProxyOptions, type UserConfig } from "vite";

export interface PortalViteOptions {
  /** The fixed port of `vite` and `vite preview` (the command line's --port wins). */
  port: number;
}

export function portalViteConfig({ port }: PortalViteOptions): UserConfig {
  const apiUrl = process.env.API_URL ?? "http://127.0.0.1:4000";
  const proxy: Record<string, ProxyOptions> = { "/graphql": { target: apiUrl, changeOrigin: false, xfwd: true } };
  return defineConfig({
    // Vite 8 transforms TSX itself (oxc); React 17+ automatic runtime, as tsconfig's jsx: react-jsx.
    oxc: { jsx: { runtime: "automatic" } },
    server: { port, strictPort: true, proxy },
    preview: { port, strictPort: true, proxy },
    // Lightning CSS inlines the @imports of styles.css (PostCSS trips over the @charset inside Utrecht's CSS).
    css: { transformer: "lightningcss" },
    build: { outDir: "dist", sourcemap: true },
  });
}
