import { readFileSync, unlinkSync, writeFileSync } from "node:fs";
import { DatabaseUnavailableError } from "./errors.ts";

/**
 * The embedded database is one directory that only one process may open: a second PGlite on the
 * same files waits forever (seen here with `npm start` running while `prisma migrate` started).
 * A lock file beside the directory, holding the owner's pid, turns that into a clear error.
 * A lock whose process is gone is stale and taken over.
 */
export function lockDataDir(dataDir: string): () => void {
  const lockPath = `${dataDir}.lock`;
  const mine = String(process.pid);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(lockPath, mine, { flag: "wx" });
      const release = () => {
        try {
          if (readFileSync(lockPath, "utf8") === mine) unlinkSync(lockPath);
        } catch {}
      };
      process.once("exit", release);
      return release;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const owner = Number(readFileSync(lockPath, "utf8"));
      if (owner === process.pid) return () => {};
      if (owner > 0 && isAlive(owner)) {
        throw new DatabaseUnavailableError(
          `The embedded database at ${dataDir} is in use by another process (pid ${owner}), e.g. a running \`npm start\`. Stop it and try again.`,
        );
      }
      try {
        unlinkSync(lockPath); // stale: its process is gone
      } catch {}
    }
  }
  throw new DatabaseUnavailableError(`Could not lock the embedded database at ${dataDir}.`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
