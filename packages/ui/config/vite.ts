// The Vite setup the three portals share (each portal's vite.config.ts passes its port).
// `vite preview` serves the production build and, like the dev server, proxies /graphql to the
// API, so the portal and the API are one origin and the HTTP-only session cookie just works.
import { defineConfig, type Plugin, type ProxyOptions, type UserConfig } from "vite";

/** The Home-Start mark (src/components/Icon.tsx BrandMark) as the favicon of every portal. */
const FAVICON_SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 40 40"><rect width="40" height="40" rx="10" fill="#245791"/>' +
  '<path d="M9 19.5 20 10l11 9.5V30a1 1 0 0 1-1 1H10a1 1 0 0 1-1-1z" fill="none" stroke="#fff" stroke-width="2.4" stroke-linejoin="round"/>' +
  '<path d="M20 27.2s-5-3.1-5-6.4a2.7 2.7 0 0 1 5-1.4 2.7 2.7 0 0 1 5 1.4c0 3.3-5 6.4-5 6.4z" fill="#fff"/></svg>';

function brandHead(): Plugin {
  return {
    name: "homestart-brand-head",
    transformIndexHtml: () => [
      { tag: "link", attrs: { rel: "icon", href: `data:image/svg+xml,${encodeURIComponent(FAVICON_SVG)}` }, injectTo: "head" },
      { tag: "meta", attrs: { name: "theme-color", content: "#245791" }, injectTo: "head" },
    ],
  };
}

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
    plugins: [brandHead()],
    server: { port, strictPort: true, proxy },
    preview: { port, strictPort: true, proxy },
    // Lightning CSS inlines the @imports of styles.css (PostCSS trips over the @charset inside Utrecht's CSS).
    css: { transformer: "lightningcss" },
    build: { outDir: "dist", sourcemap: true },
  });
}
