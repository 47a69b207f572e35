import { builder } from "../builder.ts";

// Name and place of a location are public (Home-Start lists its locations); nothing about families here.
export const LocationRef = builder.prismaNode("Location", {
  id: { field: "id" },
  fields: (t) => ({
    name: t.exposeString("name"),
    city: t.exposeString("city"),
  }),
});
