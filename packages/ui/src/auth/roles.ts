import type { Role } from "../api/operations.ts";
import type { SharedKey } from "../i18n/dictionaries.ts";

export const roleLabelKey = (role: Role): SharedKey => `role.${role}`;
export const useInsteadKey = (role: Role): SharedKey => `wrongPortal.useInstead.${role}`;
