import type { Prisma } from '@complaints/db';
import { AppError, AppErrorCode } from '../http/appError.ts';

export const CATEGORY_UPDATED_EVENT = 'category.updated';

/** Names are unique regardless of case: "Repairs" and "repairs" would split every report. */
export async function assertNameFree(tx: Prisma.TransactionClient, name: string, exceptId?: string): Promise<void> {
  const clash = await tx.category.findFirst({
    where: { name: { equals: name, mode: 'insensitive' }, ...(exceptId ? { id: { not: exceptId } } : {}) },
    select: { name: true },
  });
  if (clash) throw new AppError(AppErrorCode.InvalidRequest, `There is already a category called “${clash.name}”. Choose another name.`);
}
