// `npm run build` (apps/api): bundles the API for production into dist/main.js, which `npm start`,
// the browser tests, the soak and the benchmark run with plain `node`.
//
// Why a bundle rather than `tsx src/main.ts`: tsx compiles with esbuild's keepNames, which wraps
// every closure in a `__name(fn, "…")` call (an Object.defineProperty each time the closure is
// created); in the rules' inner loops and the resolvers that was up to a quarter of the CPU, and
// the family page served about 45% more requests per second bundled (bench/README.md).
//
// Our workspace packages (TypeScript source) are compiled in. npm dependencies stay in
// node_modules, imported by a relative path to the very file the source would load: two Prisma
// clients are installed (6.19 for packages/db, 7.x under @pothos/plugin-prisma), so a bare name
// resolved from dist/ could pick the wrong one.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

/** Bundles `entry` (TypeScript, ESM) for Node into `outfile`, leaving npm dependencies in node_modules. */
export async function bundleForNode(entry: string, outfile: string): Promise<void> {
  const outdir = path.dirname(outfile);
  await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    sourcemap: true,
    logLevel: "warning",
    // Prisma's runtime is CommonJS compiled in (Node cannot see its named exports from ESM), and
    // it calls require() for Node's own modules.
    banner: { js: 'import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);' },
    plugins: [
      {
        name: "npm-dependencies-external",
        setup(b) {
          b.onResolve({ filter: /^[^./]/ }, async (args) => {
            if (args.pluginData === "resolving" || args.path.startsWith("node:") || args.path.startsWith("@homestart/")) return undefined;
            if (args.path === "@prisma/client/runtime/client") return undefined;
            const resolved = await b.resolve(args.path, { kind: args.kind, resolveDir: args.resolveDir, pluginData: "resolving" });
            if (resolved.errors.length > 0 || !resolved.path.includes(`${path.sep}node_modules${path.sep}`)) return undefined;
            return { path: `./${path.relative(outdir, resolved.path).split(path.sep).join("/")}`, external: true };
          });
        },
      },
    ],
  });
}

const apiDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/** The API's production bundle, dist/main.js (also built by the soak and the benchmark before they start it). */
export function bundleApi(): Promise<void> {
  return bundleForNode(path.join(apiDir, "src", "main.ts"), path.join(apiDir, "dist", "main.js"));
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await bundleApi();
