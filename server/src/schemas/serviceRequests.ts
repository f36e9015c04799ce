// 1.4: a service request ("please fix my boiler") is not a complaint, but it is recorded and
// monitored. Staff log one from a conversation or from a call, letter, email or visit.
// Browser-safe (the console's forms import these).
import { z } from 'zod';
import { ZInstantSchema, idSchema, requiredText } from './common.ts';
import { CHANNELS } from './complaints.ts';

export const SERVICE_REQUEST_STATUSES = ['open', 'in_progress', 'completed', 'cancelled'] as const;

export const ZCreateServiceRequestSchema = z.object({
  residentId: idSchema('The resident'),
  channel: z.enum(CHANNELS, { error: 'Choose how the request reached us' }),
  description: requiredText('What the resident asked for', 5000),
  receivedAt: ZInstantSchema,
  conversationId: idSchema('The conversation').optional(),
});
export type TCreateServiceRequest = z.infer<typeof ZCreateServiceRequestSchema>;

export const ZServiceRequestSchema = z.object({
  id: z.uuid(),
  /** SR-2026-000123 */
  reference: z.string(),
  status: z.enum(SERVICE_REQUEST_STATUSES),
  channel: z.enum(CHANNELS),
  description: z.string(),
  receivedAt: z.iso.datetime({ offset: true }),
  residentId: z.uuid().nullable(),
  conversationId: z.uuid().nullable(),
  createdAt: z.iso.datetime({ offset: true }),
});
export type TServiceRequest = z.infer<typeof ZServiceRequestSchema>;

/** Staff event: a service request was recorded (by the bot or by staff). Payload `{ serviceRequest }`. */
export const SERVICE_REQUEST_CREATED_EVENT = 'service_request.created';
