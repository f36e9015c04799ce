// The bot's intake writes reach staff here: the bot package cannot import the server, so
// PrismaIntake is given this sink and calls it after each commit. A complaint the bot logs is
// announced with exactly the `complaint.created` event (and ComplaintDto) staff-logged ones get.
import type { IntakeEvent, IntakeEventSink } from '@complaints/bot';
import type { ServerContext } from '../context.ts';
import { getComplaint } from '../complaints/getComplaint.ts';
import { publishServiceRequestCreated } from '../serviceRequests/serviceRequestDto.ts';
import { publishConversationUpdated } from './conversationSummary.ts';

export async function publishIntakeEvent(ctx: ServerContext, event: IntakeEvent): Promise<void> {
  if (event.type === 'complaint_created') {
    const complaint = await getComplaint(ctx, { id: event.complaintId });
    ctx.broadcaster.toStaff({ type: 'complaint.created', payload: { complaint } });
  }
  if (event.type === 'service_request_created') await publishServiceRequestCreated(ctx, event.serviceRequestId);
  // Every intake change alters what the queue shows of the conversation (state, offer, resident).
  await publishConversationUpdated(ctx, event.conversationId);
}

/** Events are published one after another, in the order the bot made the changes. */
export function createIntakeEventSink(ctx: ServerContext): IntakeEventSink {
  let chain = Promise.resolve();
  return (event: IntakeEvent) => {
    chain = chain
      .then(() => publishIntakeEvent(ctx, event))
      .catch((error: unknown) => ctx.logger.error({ err: error, event: event.type, conversationId: event.conversationId }, 'could not tell staff about a bot change'));
  };
}
