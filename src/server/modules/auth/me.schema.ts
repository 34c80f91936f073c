import { z } from 'zod';
import { ORG_KINDS, ROLES } from '../../../contracts/roles.js';
import { ACTIONS } from '../../../domain/policy.js';

export const orgRefSchema = z.object({ id: z.string(), name: z.string(), kind: z.enum(ORG_KINDS) });

/** The signed-in user, the organisations they can switch to, and what they may do in the current one. */
export const meSchema = z.object({
  user: z.object({
    id: z.string(),
    displayName: z.string(),
    phone: z.string().nullable(),
    isPlatformAdmin: z.boolean(),
    mustChangePassword: z.boolean(),
    memberId: z.string().nullable(),
  }),
  memberships: z.array(
    z.object({
      org: orgRefSchema,
      roles: z.array(z.object({ role: z.enum(ROLES), portfolio: z.string() })),
    }),
  ),
  currentOrg: orgRefSchema.nullable(),
  /** Actions allowed in the current organisation, for the UI to show or hide controls. */
  abilities: z.array(z.enum(ACTIONS)),
});
export type Me = z.infer<typeof meSchema>;
