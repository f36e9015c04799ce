import type { Prisma, StaffRole } from '@complaints/db';
import type { TStaffMember } from '../schemas/staff.ts';

export const staffMemberInclude = { roles: true } as const satisfies Prisma.StaffUserInclude;

export type Db = Prisma.TransactionClient;

/** A plain DTO: never the row itself, which carries the password hash. */
export function toStaffMemberDto(row: {
  id: string;
  name: string;
  email: string;
  active: boolean;
  lastLoginAt: Date | null;
  version: number;
  roles: { role: StaffRole }[];
}): TStaffMember {
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    roles: row.roles.map((grant) => grant.role).sort(),
    active: row.active,
    lastLoginAt: row.lastLoginAt?.toISOString() ?? null,
    version: row.version,
  };
}
