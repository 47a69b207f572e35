import { builder } from "../builder.ts";

// Reference data (CBS list, data/gemeenten-2025.csv): readable by every logged-in user.
export const MunicipalityRef = builder.prismaNode("Municipality", {
  id: { field: "id" },
  fields: (t) => ({
    code: t.exposeString("code", { description: "CBS code, GM + 4 digits." }),
    name: t.exposeString("name"),
    province: t.exposeString("province"),
  }),
});

builder.queryField("municipalities", (t) =>
  t.prismaConnection({
    type: "Municipality",
    cursor: "id",
    description: "Dutch municipalities, by name; `search` matches name or CBS code.",
    args: { search: t.arg.string({ required: false }) },
    resolve: (query, _root, args, ctx) => {
      const search = args.search?.trim().slice(0, 100);
      return ctx.prisma.municipality.findMany({
        ...query,
        where: search
          ? { OR: [{ name: { contains: search, mode: "insensitive" } }, { code: { equals: search.toUpperCase() } }] }
          : undefined,
        orderBy: [{ name: "asc" }, { id: "asc" }],
      });
    },
  }),
);
