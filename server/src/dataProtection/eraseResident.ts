// UK GDPR Article 17 (erasure) on request, decided by an administrator: the same anonymisation
// the retention rule applies, at once. Refused while a complaint is still being handled (the
// landlord needs the contact details to answer it; close or refuse it first).
import type { ServerContext } from '../context.ts';
import { AppError, AppErrorCode } from '../http/appError.ts';
import { anonymiseResident, lockResident } from './anonymiseResident.ts';

export interface EraseResidentOptions {
  residentId: string;
  reason: string;
  actorId: string;
}

export async function eraseResident(ctx: Pick<ServerContext, 'prisma' | 'now'>, options: EraseResidentOptions): Promise<{ residentId: string; anonymisedAt: string }> {
  const now = ctx.now();
  await ctx.prisma.$transaction(async (tx) => {
    await lockResident(tx, options.residentId);
    const resident = await tx.resident.findUnique({
      where: { id: options.residentId },
      select: { anonymisedAt: true, complaints: { where: { status: { notIn: ['closed', 'refused'] } }, select: { reference: true } } },
    });
    if (!resident) throw new AppError(AppErrorCode.NotFound, 'There is no resident with that id.');
    if (resident.anonymisedAt) throw new AppError(AppErrorCode.InvalidRequest, `This resident's personal data was already erased on ${resident.anonymisedAt.toISOString().slice(0, 10)}.`);
    if (resident.complaints.length > 0) {
      const references = resident.complaints.map((c) => c.reference).join(', ');
      throw new AppError(AppErrorCode.CodeRule, `This resident has complaints still being handled (${references}). Close or refuse them first: the response must reach the resident.`);
    }
    await anonymiseResident(tx, {
      residentId: options.residentId,
      reason: 'erasure_request',
      now,
      actor: { type: 'staff', staffId: options.actorId },
      details: { requestReason: options.reason },
    });
  });
  return { residentId: options.residentId, anonymisedAt: now.toISOString() };
}
