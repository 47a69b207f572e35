export * from "./shared/result.ts";
