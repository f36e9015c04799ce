// A service request as the console sees it (a plain DTO), and the staff event that announces one.
import type { Prisma } from '@complaints/db';
import type { ServerContext } from '../context.ts';
import { SERVICE_REQUEST_CREATED_EVENT, type TServiceRequest } from '../schemas/index.ts';

export const SERVICE_REQUEST_SELECT = {
  id: true,
  reference: true,
  status: true,
  channel: true,
  description: true,
  receivedAt: true,
  residentId: true,
  conversationId: true,
  createdAt: true,
} satisfies Prisma.ServiceRequestSelect;

type Row = Prisma.ServiceRequestGetPayload<{ select: typeof SERVICE_REQUEST_SELECT }>;

export function toServiceRequestDto(row: Row): TServiceRequest {
  return { ...row, receivedAt: row.receivedAt.toISOString(), createdAt: row.createdAt.toISOString() };
}

/** Tells staff a service request was recorded (by staff or by the bot); after commit. */
export async function publishServiceRequestCreated(ctx: Pick<ServerContext, 'prisma' | 'broadcaster'>, id: string): Promise<TServiceRequest | null> {
  const row = await ctx.prisma.serviceRequest.findUnique({ where: { id }, select: SERVICE_REQUEST_SELECT });
  if (!row) return null;
  const serviceRequest = toServiceRequestDto(row);
  ctx.broadcaster.toStaff({ type: SERVICE_REQUEST_CREATED_EVENT, payload: { serviceRequest } });
  return serviceRequest;
}
