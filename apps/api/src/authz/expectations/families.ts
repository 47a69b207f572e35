import { coordinatorAOnly, type Expectations, type Fixtures, only } from "../matrix.ts";

/** A family of coordinator A's location, as a global id. */
export async function familyOfA(f: Fixtures, where: Record<string, unknown> = {}): Promise<string> {
  const family = await f.prisma.family.findFirstOrThrow({
    where: { locationId: { in: f.locationIds.A }, ...where },
    orderBy: { id: "asc" },
  });
  return f.gid("Family", family.id);
}

/** A municipality coordinator A's location holds an active licence for. */
export async function municipalityOfA(f: Fixtures): Promise<string> {
  const licence = await f.prisma.licence.findFirstOrThrow({
    where: { locationId: { in: f.locationIds.A }, status: "ACTIVE" },
    include: { municipalities: true },
    orderBy: { id: "asc" },
  });
  return f.gid("Municipality", licence.municipalities[0]?.municipalityId ?? "");
}

export const expectations: Expectations = {
  "Query.families": { document: "{ families(first: 5) { edges { node { id } } } }", expect: only(["coordinatorA", "coordinatorB"]) },
  "Query.family": {
    document: "query ($id: ID!) { family(id: $id) { id } }",
    variables: async (f) => ({ id: await familyOfA(f) }),
    expect: coordinatorAOnly(),
  },
  "Query.dashboard": { document: "{ dashboard { code } }", expect: only(["coordinatorA", "coordinatorB"]) },
  "Mutation.registerFamily": {
    document: `mutation ($input: RegisterFamilyInput!) { registerFamily(input: $input) { __typename ... on Refusal { code } } }`,
    variables: async (f) => ({
      input: {
        locationId: f.gid("Location", f.locationIds.A[0] ?? ""),
        municipalityId: await municipalityOfA(f),
        source: "SELF",
        parents: [{ firstName: "Matrix", lastName: "Test", phone: "0612345678" }],
        children: [{ bornOn: "2025-01-01" }],
        consents: ["CONTACT_BY_COORDINATOR"],
      },
    }),
    expect: coordinatorAOnly(),
  },
};
