// The development phone simulator: what the page sends and the phone's view of a conversation.
// Browser-safe: the simulator page imports these.
import { z } from 'zod';

export const SIMULATED_CHANNELS = ['sms', 'whatsapp'] as const;
export type TSimulatedChannel = (typeof SIMULATED_CHANNELS)[number];

/** The bot's own simulated number (Ofcom's drama range, like every number the simulator uses). */
export const SIMULATED_BOT_NUMBER = '+447700900000';

/**
 * A fictional UK mobile from Ofcom's drama range, 07700 900001 to 07700 900999, as typed
 * ("07700 900123", "+44 7700 900123"); becomes E.164. Real numbers are refused outright.
 */
export const ZSimulatedPhoneSchema = z
  .string({ error: 'Enter a phone number' })
  .transform((value) => value.replace(/[\s()-]/g, ''))
  .pipe(
    z
      .string()
      .regex(/^(?:\+44|0)7700900\d{3}$/, { error: 'Use a fictional number from 07700 900001 to 07700 900999' })
      .transform((value) => `+44${value.replace(/^(\+44|0)/, '')}`)
      .refine((value) => value !== SIMULATED_BOT_NUMBER, { error: "07700 900000 is the bot's own number; pick another" }),
  );

export const ZSimulatorSendSchema = z
  .object({
    channel: z.enum(SIMULATED_CHANNELS, { error: 'Choose SMS or WhatsApp' }),
    phone: ZSimulatedPhoneSchema,
    body: z.string({ error: 'Message must be text' }).trim().max(1600, { error: 'Message must be at most 1600 characters' }).default(''),
    /** Attach the simulator's sample photo (a damp patch), as a resident's MMS or WhatsApp photo. */
    photo: z.boolean({ error: 'photo must be true or false' }).default(false),
  })
  .refine((input) => input.body !== '' || input.photo, { error: 'Type a message or attach the sample photo', path: ['body'] });
export type TSimulatorSend = z.input<typeof ZSimulatorSendSchema>;

export const ZSimulatorThreadParamsSchema = z.object({
  channel: z.enum(SIMULATED_CHANNELS, { error: 'Choose SMS or WhatsApp' }),
  phone: ZSimulatedPhoneSchema,
});

/**
 * One message as the phone sees it. `status` for the resident's own messages is what the
 * webhook answered; for the bot's, the last status callback the server accepted.
 */
export const ZSimulatedMessageSchema = z.object({
  sid: z.string(),
  from: z.enum(['resident', 'bot']),
  body: z.string(),
  /** The resident attached the sample photo. */
  photo: z.boolean().optional(),
  status: z.enum(['sending', 'received', 'rejected', 'queued', 'sent', 'delivered']),
  at: z.iso.datetime(),
});
export type TSimulatedMessage = z.infer<typeof ZSimulatedMessageSchema>;

export const ZSimulatedThreadSchema = z.object({
  channel: z.enum(SIMULATED_CHANNELS),
  phone: z.string(),
  messages: z.array(ZSimulatedMessageSchema),
});
export type TSimulatedThread = z.infer<typeof ZSimulatedThreadSchema>;
