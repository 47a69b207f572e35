// The last step of `npm start` (after generate, migrate, seed --if-empty and the builds):
// serves the API and the three portals on fixed localhost ports and prints where they are.
import { DEMO_LOGINS } from "../prisma/seed.ts";
import { startStack } from "./lib/stack.ts";

const ports = {
  api: Number(process.env.API_PORT ?? 4000),
  coordinator: Number(process.env.COORDINATOR_PORT ?? 5173),
  national: Number(process.env.NATIONAL_PORT ?? 5174),
  municipality: Number(process.env.MUNICIPALITY_PORT ?? 5175),
  register: Number(process.env.REGISTER_PORT ?? 5176),
};

try {
  const stack = await startStack({
    apiPort: ports.api,
    portalPorts: { coordinator: ports.coordinator, national: ports.national, municipality: ports.municipality, register: ports.register },
    inheritOutput: true,
  });
  const width = Math.max(...DEMO_LOGINS.map((l) => l.email.length));
  console.log(`
Home-Start is running${process.env.DATABASE_URL ? " on PostgreSQL" : " on the embedded database (.data/pglite)"}:

  Coördinatorportaal     ${stack.portalUrls.coordinator}
  Landelijk Steunpunt    ${stack.portalUrls.national}
  Gemeenteportaal        ${stack.portalUrls.municipality}
  Aanmelden (publiek)    ${stack.portalUrls.register}
  GraphQL API            ${stack.apiUrl}/graphql

Demo logins (password for all: ${DEMO_LOGINS[0]?.password}):
${DEMO_LOGINS.map((l) => `  ${l.email.padEnd(width)}  ${l.description}`).join("\n")}

Press Ctrl+C to stop.`);
  const shutdown = async () => {
    await stack.stop();
    process.exit(0);
  };
  process.on("SIGINT", shutdown);
  process.on("SIGTERM", shutdown);
} catch (error) {
  console.error(`Could not start: ${(error as Error).message}`);
  process.exit(1);
}
