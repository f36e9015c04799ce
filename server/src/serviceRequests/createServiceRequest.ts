// 1.4: a service request is not a complaint, but it is recorded and monitored. Staff record one
// from a call, letter, email or visit, or from a conversation; it gets an SR-YYYY-NNNNNN
// reference like the ones the bot gives, and an audit row in the same transaction.
import type { ServerContext } from '../context.ts';
import { recordAudit } from '../audit/recordAudit.ts';
import { allocateReference } from '../complaints/allocateReference.ts';
import type { Db } from '../complaints/caseRow.ts';
import { AppError, AppErrorCode } from '../http/appError.ts';
import type { TCreateServiceRequest, TServiceRequest } from '../schemas/index.ts';
import { publishServiceRequestCreated } from './serviceRequestDto.ts';

export interface CreateServiceRequestOptions extends TCreateServiceRequest {
  actorId: string;
}

/** Inserts the request and its audit row inside the caller's transaction; returns its id. */
export async function insertServiceRequest(tx: Db, options: CreateServiceRequestOptions, now: Date): Promise<string> {
  if (!(await tx.resident.findFirst({ where: { id: options.residentId, anonymisedAt: null }, select: { id: true } }))) {
    throw new AppError(AppErrorCode.InvalidRequest, 'residentId: There is no resident with that id. Search again or add the resident.');
  }
  if (options.conversationId && !(await tx.conversation.findUnique({ where: { id: options.conversationId }, select: { id: true } }))) {
    throw new AppError(AppErrorCode.InvalidRequest, 'conversationId: There is no conversation with that id.');
  }
  if (options.receivedAt > now) {
    throw new AppError(AppErrorCode.InvalidRequest, 'receivedAt: The request cannot have been received in the future. Check the date and time.');
  }
  const reference = await allocateReference(tx, 'SR', options.receivedAt);
  const request = await tx.serviceRequest.create({
    data: {
      reference,
      residentId: options.residentId,
      conversationId: options.conversationId ?? null,
      channel: options.channel,
      description: options.description,
      receivedAt: options.receivedAt,
      createdAt: now,
    },
    select: { id: true },
  });
  await recordAudit(tx, {
    actor: { type: 'staff', staffId: options.actorId },
    action: 'service_request.created',
    entityType: 'ServiceRequest',
    entityId: request.id,
    residentId: options.residentId,
    ...(options.conversationId ? { conversationId: options.conversationId } : {}),
    after: { reference, channel: options.channel, receivedAt: options.receivedAt.toISOString() },
    at: now,
  });
  return request.id;
}

export async function createServiceRequest(ctx: ServerContext, options: CreateServiceRequestOptions): Promise<TServiceRequest> {
  const now = ctx.now();
  const id = await ctx.prisma.$transaction((tx) => insertServiceRequest(tx, options, now));
  const dto = await publishServiceRequestCreated(ctx, id);
  if (!dto) throw new Error('service request vanished after it was created');
  return dto;
}
