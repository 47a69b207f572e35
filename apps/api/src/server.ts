import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { ApolloServer, HeaderMap } from "@apollo/server";
import { ApolloServerPluginCacheControlDisabled } from "@apollo/server/plugin/disabled";
import { ApolloArmor } from "@escape.tech/graphql-armor";
import { type Database, DatabaseUnavailableError } from "@homestart/db";
import { DEFAULT_RETENTION_MONTHS } from "@homestart/domain";
import type { GraphQLFormattedError } from "graphql";
import { readCookie, resolveSession, SESSION_COOKIE } from "./auth/sessions.ts";
import type { Context } from "./context.ts";
import { ReferrerNoticeDelivery } from "./notifications/deliver-referrer-notices.ts";
import { type Mailer, mailerFromEnv } from "./notifications/mailer.ts";
import { readRevisionsPlugin } from "./read-cache.ts";
import { responseCachePlugin } from "./response-cache.ts";
import { RetentionJob } from "./retention/anonymise-closed-families.ts";
import { schema } from "./schema/index.ts";
import { clientAddressOf, forwardedProtoOf, trustedProxyHops } from "./security/proxy-headers.ts";

const MAX_BODY_BYTES = 1_000_000;
const production = process.env.NODE_ENV === "production";
// main.ts refuses to start with a TRUST_PROXY that is not a hop count; a test may import this without one.
const trusted = trustedProxyHops(process.env.TRUST_PROXY);
const proxyHops = trusted.ok ? trusted.hops : 0;

export interface ApiServer {
  url: string;
  port: number;
  /** Referrer notice delivery of this server (tests await `notices.idle()`). */
  notices: ReferrerNoticeDelivery;
  /** The retention job, when retentionJobIntervalMs was given. */
  retention?: RetentionJob;
  close(): Promise<void>;
}

export interface ApiServerOptions {
  port?: number;
  host?: string;
  /** The mailer for referrer notices; null keeps messages in OutboxEmail; default from SMTP_* settings. */
  mailer?: Mailer | null;
  /** Retry due referrer notices this often (ms); off unless given (main.ts turns it on). */
  noticeWorkerIntervalMs?: number;
  /** Anonymise families closed longer than the retention period this often (ms); off unless given (main.ts turns it on). */
  retentionJobIntervalMs?: number;
  /** The retention period in months after closure (packages/domain DEFAULT_RETENTION_MONTHS when left out). */
  retentionMonths?: number;
}

// Prisma's codes for "cannot reach / lost the server / timed out getting a connection"
// (P1017 is what a connection dropped mid-query gives: found by security/outage.test.ts).
const UNAVAILABLE_PRISMA_CODES = ["P1001", "P1002", "P1008", "P1017", "P2024"];

/** True for errors that mean the database cannot be reached right now. */
function isUnavailable(error: unknown): boolean {
  if (error instanceof DatabaseUnavailableError) return true;
  if (UNAVAILABLE_PRISMA_CODES.includes(String((error as { code?: string })?.code ?? ""))) return true;
  // The driver adapter's own kinds for a lost or unreachable server (a DriverAdapterError's cause).
  const kind = String((error as { cause?: { kind?: string } })?.cause?.kind ?? "");
  if (["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections"].includes(kind)) return true;
  const text = `${(error as { code?: string })?.code ?? ""} ${(error as Error)?.message ?? ""}`;
  return /ECONNREFUSED|ECONNRESET|ETIMEDOUT|57P0[13]|Connection terminated|timeout exceeded when trying to connect|Can't reach database|ENOTFOUND/i.test(
    text,
  );
}

/**
 * Masks everything that is not a deliberate client error: no stack traces, no internals.
 * Logs only the error's class and code, never its message (it may echo personal data).
 */
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const code = formatted.extensions?.code;
  const original = (error as { originalError?: unknown })?.originalError ?? error;
  if (isUnavailable(original)) {
    return {
      message: "The service is temporarily unavailable; try again shortly. / De dienst is tijdelijk niet beschikbaar.",
      extensions: { code: "SERVICE_UNAVAILABLE" },
    };
  }
  const clientCodes = [
    "GRAPHQL_PARSE_FAILED",
    "GRAPHQL_VALIDATION_FAILED",
    "BAD_USER_INPUT",
    "FORBIDDEN",
    "PERSISTED_QUERY_NOT_FOUND",
    "BAD_REQUEST",
    "OPERATION_RESOLUTION_FAILURE",
  ];
  if (typeof code === "string" && clientCodes.includes(code)) {
    const { extensions, ...rest } = formatted;
    return { ...rest, extensions: { code } };
  }
  console.error(`[api] internal error: ${(original as Error)?.name ?? "Error"} ${(original as { code?: string })?.code ?? ""}`.trim());
  return { message: "Internal server error. / Interne fout.", extensions: { code: "INTERNAL_SERVER_ERROR" } };
}

/**
 * Query limits (graphql-armor): depth, cost, aliases, directives and tokens, field suggestions
 * blocked, batched HTTP requests off. The portals' deepest query (a family page with its
 * eligibility reasons) is depth 7; the limits leave room without inviting abuse, and do not
 * echo themselves back to the client.
 */
export const QUERY_LIMITS = { maxDepth: 10, maxAliases: 15, maxDirectives: 20, maxTokens: 2_000, maxCost: 5_000 } as const;
const armor = new ApolloArmor({
  maxDepth: { n: QUERY_LIMITS.maxDepth, exposeLimits: false },
  maxAliases: { n: QUERY_LIMITS.maxAliases, exposeLimits: false },
  maxDirectives: { n: QUERY_LIMITS.maxDirectives, exposeLimits: false },
  // Tokens are limited by graphql-js's own parser (parseOptions below), which Apollo answers
  // with a 400; armor's plugin version of this check surfaces as a 500.
  maxTokens: { enabled: false },
  costLimit: { maxCost: QUERY_LIMITS.maxCost, exposeLimits: false },
  blockFieldSuggestion: { enabled: true },
});

/** Introspection is off in production (it maps the whole API for an attacker); on elsewhere for tooling. */
export async function createApolloServer({
  introspection = !production,
}: {
  introspection?: boolean;
} = {}): Promise<ApolloServer<Context>> {
  const protection = armor.protect();
  const apollo = new ApolloServer<Context>({
    schema,
    ...protection,
    // No HTTP caching of answers (they are personal); the default cache-control plugin would
    // still wrap every field resolver to compute hints nobody reads (issue 7: a tenth of the CPU).
    // The busiest lists are kept in this process per revision instead (response-cache.ts).
    plugins: [...protection.plugins, ApolloServerPluginCacheControlDisabled(), readRevisionsPlugin(), responseCachePlugin()],
    parseOptions: { maxTokens: QUERY_LIMITS.maxTokens },
    introspection,
    csrfPrevention: true,
    includeStacktraceInErrorResponses: false,
    formatError,
  });
  await apollo.start();
  return apollo;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw Object.assign(new Error("Request body too large"), { status: 413 });
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString("utf8");
}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { "content-type": "application/json; charset=utf-8" });
  res.end(JSON.stringify(body));
}

/** Builds the request context: the session cookie decides who the viewer is. */
export async function buildContext(db: Database, req: IncomingMessage, notices?: ReferrerNoticeDelivery): Promise<Context> {
  const session = await resolveSession(db, readCookie(req.headers.cookie, SESSION_COOKIE));
  return {
    db,
    prisma: db.prisma,
    viewer: session?.viewer ?? null,
    readRevisions: session?.readRevisions ?? null,
    clientAddress: clientAddressOf(req.headers["x-forwarded-for"], req.socket.remoteAddress, proxyHops),
    secure: forwardedProtoOf(req.headers["x-forwarded-proto"], proxyHops) === "https" || process.env.COOKIE_SECURE === "1",
    responseCookies: [],
    notices: notices ?? new ReferrerNoticeDelivery(db.prisma, { mailer: mailerFromEnv() }),
  };
}

/** The HTTP server: POST/GET /graphql through Apollo, GET /healthz for readiness. */
export async function startApiServer(db: Database, options: ApiServerOptions = {}): Promise<ApiServer> {
  const apollo = await createApolloServer();
  const notices = new ReferrerNoticeDelivery(db.prisma, { mailer: options.mailer !== undefined ? options.mailer : mailerFromEnv() });
  if (options.noticeWorkerIntervalMs) notices.startWorker(options.noticeWorkerIntervalMs);
  const retention = options.retentionJobIntervalMs
    ? new RetentionJob(db.prisma, { retentionMonths: options.retentionMonths ?? DEFAULT_RETENTION_MONTHS })
    : undefined;
  if (retention && options.retentionJobIntervalMs) retention.start(options.retentionJobIntervalMs);
  // Requests being answered: closing waits for them, so none meets a closed database (a client
  // that hung up, or a load balancer draining this process, leaves its request running here).
  let inFlight = 0;
  let drained: (() => void) | null = null;
  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    inFlight++;
    try {
      if (url.pathname === "/healthz") {
        try {
          await db.query("SELECT 1");
          return send(res, 200, { status: "ok", database: db.target.kind });
        } catch {
          return send(res, 503, { status: "unavailable" });
        }
      }
      if (url.pathname !== "/graphql") return send(res, 404, { error: "Not found" });

      const body = req.method === "POST" ? await readBody(req) : "";
      let parsedBody: unknown;
      if (body) {
        try {
          parsedBody = JSON.parse(body);
        } catch {
          return send(res, 400, { errors: [{ message: "The request body is not valid JSON.", extensions: { code: "BAD_REQUEST" } }] });
        }
      }
      const headers = new HeaderMap();
      for (const [key, value] of Object.entries(req.headers)) {
        if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(", ") : value);
      }
      let context: Context;
      try {
        context = await buildContext(db, req, notices);
      } catch (error) {
        if (isUnavailable(error)) {
          return send(res, 503, { errors: [formatError({ message: "" }, error)] });
        }
        throw error;
      }
      const response = await apollo.executeHTTPGraphQLRequest({
        httpGraphQLRequest: { method: (req.method ?? "GET").toUpperCase(), headers, search: url.search, body: parsedBody },
        context: async () => context,
      });
      for (const [key, value] of response.headers) res.setHeader(key, value);
      if (context.responseCookies.length > 0) res.setHeader("set-cookie", context.responseCookies);
      res.statusCode = response.status ?? 200;
      if (response.body.kind === "complete") {
        res.end(response.body.string);
      } else {
        for await (const chunk of response.body.asyncIterator) res.write(chunk);
        res.end();
      }
    } catch (error) {
      const status = (error as { status?: number }).status ?? 500;
      if (status === 500) console.error(`[api] request failed: ${(error as Error)?.name ?? "Error"}`);
      if (!res.headersSent)
        send(res, status, {
          errors: [
            {
              message: status === 413 ? "Request body too large." : "Internal server error.",
              extensions: { code: status === 413 ? "PAYLOAD_TOO_LARGE" : "INTERNAL_SERVER_ERROR" },
            },
          ],
        });
      else res.end();
    } finally {
      if (--inFlight === 0) drained?.();
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, options.host ?? "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    port,
    url: `http://${options.host ?? "127.0.0.1"}:${port}`,
    notices,
    retention,
    close: async () => {
      await retention?.stop();
      await notices.stop();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections?.();
      // At most 10 s for the requests still running, then the database may close under them.
      if (inFlight > 0)
        await new Promise<void>((resolve) => {
          drained = resolve;
          setTimeout(resolve, 10_000).unref();
        });
      await apollo.stop();
    },
  };
}
