// The data protection screen finds a resident from one of their complaint references.
import type { ServerContext } from '../context.ts';
import { AppError, AppErrorCode } from '../http/appError.ts';

export interface ResidentSummary {
  residentId: string;
  name: string | null;
  anonymisedAt: string | null;
  complaints: { reference: string; status: string }[];
}

export async function findResidentByComplaint(ctx: Pick<ServerContext, 'prisma'>, reference: string): Promise<ResidentSummary> {
  const complaint = await ctx.prisma.complaint.findUnique({
    where: { reference },
    select: { resident: { select: { id: true, fullName: true, preferredName: true, anonymisedAt: true, complaints: { select: { reference: true, status: true }, orderBy: { receivedAt: 'asc' } } } } },
  });
  if (!complaint) throw new AppError(AppErrorCode.NotFound, `There is no complaint ${reference}.`);
  const r = complaint.resident;
  return { residentId: r.id, name: r.preferredName ?? r.fullName, anonymisedAt: r.anonymisedAt?.toISOString() ?? null, complaints: r.complaints };
}
