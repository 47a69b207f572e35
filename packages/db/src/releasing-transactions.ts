import type { PrismaPg } from "@prisma/adapter-pg";

type PgAdapter = Awaited<ReturnType<PrismaPg["connect"]>>;
type PgTransaction = Awaited<ReturnType<PgAdapter["startTransaction"]>>;

const ENDS_TRANSACTION = /^\s*(COMMIT|ROLLBACK)\s*;?\s*$/i;

/**
 * Prisma 6.19's transaction manager sends COMMIT (or ROLLBACK) and only after it succeeds calls
 * the adapter's commit() / rollback(), which give the connection back to the pool. When the
 * COMMIT itself fails (the connection dropped in a database outage, a deferred trigger's deadlock)
 * neither is called, and the pool has lost that connection for good: after as many such failures
 * as the pool is large, every request waits for a connection until it times out (seen in
 * apps/api's outage test). Prisma 7 gives the connection back in a `finally`; this does the same
 * for 6.19: a failed COMMIT or ROLLBACK releases the connection, and commit() / rollback() release
 * it at most once.
 */
export function releasingTransactions(factory: PrismaPg): PrismaPg {
  const connect = factory.connect.bind(factory);
  factory.connect = async () => {
    const adapter = await connect();
    const startTransaction = adapter.startTransaction.bind(adapter);
    adapter.startTransaction = async (isolationLevel) => releasing(await startTransaction(isolationLevel));
    return adapter;
  };
  return factory;
}

function releasing(tx: PgTransaction): PgTransaction {
  const commit = tx.commit.bind(tx);
  const rollback = tx.rollback.bind(tx);
  const executeRaw = tx.executeRaw.bind(tx);
  let released = false;
  const once = async (release: () => Promise<void>) => {
    if (released) return;
    released = true;
    await release();
  };
  tx.commit = () => once(commit);
  tx.rollback = () => once(rollback);
  tx.executeRaw = async (query) => {
    try {
      return await executeRaw(query);
    } catch (error) {
      // A failed COMMIT has ended the transaction on the server (or the connection is gone, and
      // the pool drops a connection that cannot be queried): either way, give it back.
      if (ENDS_TRANSACTION.test(query.sql)) await once(rollback);
      throw error;
    }
  };
  return tx;
}
