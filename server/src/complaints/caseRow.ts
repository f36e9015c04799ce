// The rows that make up one case, read in one query.
import type { Prisma } from '@complaints/db';

export const caseInclude = {
  stages: true,
  extensions: { orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] },
  remedies: { orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] },
  actions: { orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] },
  refusal: true,
  learningNotes: { orderBy: { createdAt: 'desc' }, take: 1 },
  // 6.8: issues folded into this complaint, and the cases linked to it either way.
  relatedIssues: { orderBy: [{ raisedAt: 'asc' }, { createdAt: 'asc' }, { id: 'asc' }] },
  relatedTo: { select: { id: true, reference: true } },
  related: { select: { id: true, reference: true }, orderBy: [{ receivedAt: 'asc' }, { id: 'asc' }] },
} as const satisfies Prisma.ComplaintInclude;

export type CaseRow = Prisma.ComplaintGetPayload<{ include: typeof caseInclude }>;

export type Db = Prisma.TransactionClient;
