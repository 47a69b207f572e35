import type { Prisma } from "@homestart/db";
import { parentDuplicateKeys } from "@homestart/domain";

/**
 * Writes the duplicate keys (packages/domain parentDuplicateKeys) of parents that have none: rows
 * from before the keys existed, or written by something that does not set them (a copy of old
 * data). Until then such a parent is compared anyway (possibleDuplicates loads every unkeyed one),
 * so this only makes the family page fast again. A row changed since it was read keeps what its
 * own change wrote. Returns how many were keyed.
 */
export async function keyUnkeyedParents(prisma: Prisma, batchSize = 500): Promise<number> {
  let keyed = 0;
  for (;;) {
    const parents = await prisma.parent.findMany({
      where: { nameKey: null },
      select: { id: true, firstName: true, lastName: true, phone: true, email: true },
      orderBy: { id: "asc" },
      take: batchSize,
    });
    if (parents.length === 0) return keyed;
    const results = await prisma.$transaction(
      parents.map(({ id, ...parent }) =>
        prisma.parent.updateMany({ where: { id, ...parent, nameKey: null }, data: parentDuplicateKeys(parent) }),
      ),
    );
    const written = results.reduce((sum, r) => sum + r.count, 0);
    keyed += written;
    // Nothing written: what is left changes under us faster than we key it; the next run goes on.
    if (written === 0) return keyed;
  }
}
