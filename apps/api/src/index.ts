export type { Context, Viewer } from "./context.ts";
export { schema } from "./schema/index.ts";
export { type ApiServer, buildContext, createApolloServer, startApiServer } from "./server.ts";
