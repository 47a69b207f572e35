import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { lockDataDir } from "./data-dir-lock.ts";
import { DatabaseUnavailableError } from "./errors.ts";

const tmpDir = () => path.join(mkdtempSync(path.join(os.tmpdir(), "hs-lock-")), "pglite");

describe("the embedded database's lock", () => {
  it("is taken and given back", () => {
    const dir = tmpDir();
    const release = lockDataDir(dir);
    expect(readFileSync(`${dir}.lock`, "utf8")).toBe(String(process.pid));
    release();
    expect(existsSync(`${dir}.lock`)).toBe(false);
  });

  it("refuses, with a clear message, while another live process holds it", () => {
    const dir = tmpDir();
    writeFileSync(`${dir}.lock`, String(process.ppid)); // our parent: alive
    expect(() => lockDataDir(dir)).toThrow(DatabaseUnavailableError);
    expect(() => lockDataDir(dir)).toThrow(/in use by another process \(pid \d+\).*Stop it and try again/);
  });

  it("takes over a lock whose process is gone", () => {
    const dir = tmpDir();
    writeFileSync(`${dir}.lock`, "2147483646"); // no such process
    const release = lockDataDir(dir);
    expect(readFileSync(`${dir}.lock`, "utf8")).toBe(String(process.pid));
    release();
  });
});
