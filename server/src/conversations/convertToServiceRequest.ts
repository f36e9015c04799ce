// POST /api/conversations/:id/service-request: the conversation was a request for a service, not
// a complaint (1.4). The resident is linked (audited) and the request recorded, in one transaction.
import type { ServerContext } from '../context.ts';
import { AppError, AppErrorCode } from '../http/appError.ts';
import type { TConvertToServiceRequest, TServiceRequest } from '../schemas/index.ts';
import { insertServiceRequest } from '../serviceRequests/createServiceRequest.ts';
import { publishServiceRequestCreated } from '../serviceRequests/serviceRequestDto.ts';
import { publishConversationUpdated } from './conversationSummary.ts';
import { linkResidentInTx } from './linkConversationResident.ts';

export interface ConvertToServiceRequestOptions extends TConvertToServiceRequest {
  conversationId: string;
  actorId: string;
}

export async function convertToServiceRequest(ctx: ServerContext, options: ConvertToServiceRequestOptions): Promise<TServiceRequest> {
  const { conversationId, actorId, ...request } = options;
  const now = ctx.now();
  const id = await ctx.prisma.$transaction(async (tx) => {
    const conversation = await linkResidentInTx(tx, { conversationId, residentId: request.residentId, actorId }, now);
    return insertServiceRequest(tx, { ...request, channel: conversation.channel, conversationId, actorId }, now);
  });
  const dto = await publishServiceRequestCreated(ctx, id);
  if (!dto) throw new AppError(AppErrorCode.NotFound, 'The service request could not be read back.');
  await publishConversationUpdated(ctx, conversationId);
  return dto;
}
