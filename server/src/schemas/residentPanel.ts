// The resident panel beside every conversation and case: who the resident is, how we reach them,
// who acts for them (3.6), the adjustments and disclosures we keep under review (5.10) and any
// restriction on contact (5.14, 5.15). Browser-safe: the console's forms use these schemas.
import { z } from 'zod';
import { COMPLAINT_STATUSES } from '../domain/lifecycle/vocabulary.ts';
import { STAGES } from '../domain/deadlines.ts';
import { CONSENT_METHODS, CONSENT_STATUSES } from '../domain/representativeConsent.ts';
import { ZCivilDateSchema, ZVersionSchema, idSchema, optionalText, requiredText } from './common.ts';
import { CHANNELS } from './complaints.ts';
import { ZDeadlineSummarySchema } from './deadline.ts';
import { SERVICE_REQUEST_STATUSES } from './serviceRequests.ts';

export const ADJUSTMENT_KINDS = ['large_print', 'language', 'text_only', 'call_times', 'support_worker', 'easy_read', 'braille', 'audio', 'sign_language', 'other'] as const;
export const ADJUSTMENT_STATUSES = ['requested', 'agreed', 'declined', 'ended'] as const;
/** The statuses staff set directly; "ended" is reached by ending the adjustment (with a reason). */
export const ADJUSTMENT_DECISIONS = ['requested', 'agreed', 'declined'] as const;
export const DISCLOSURE_KINDS = ['disability', 'vulnerability'] as const;

/** Text a person may also clear: blank or null stores nothing. */
function clearableText(label: string, max: number) {
  return z
    .string({ error: `${label} must be text` })
    .trim()
    .max(max, { error: `${label} must be at most ${max} characters` })
    .nullable()
    .optional()
    .transform((value) => (value === undefined ? undefined : value || null));
}

const version = (what: string) => ZVersionSchema.describe(`the version of the ${what} you are changing`);

export const ZResidentIdParamsSchema = z.object({ id: idSchema('The resident') });
export const ZResidentItemParamsSchema = z.object({ id: idSchema('The resident'), itemId: idSchema('The record') });

export const ZUpdateResidentSchema = z.object({
  fullName: clearableText('The full name', 200),
  preferredName: clearableText('The preferred name', 200),
  postcode: clearableText('The postcode', 10).transform((value) => (value ? value.toUpperCase().replace(/\s+/g, '').replace(/^(.+)(\d[A-Z]{2})$/, '$1 $2') : value)),
  tenancyReference: clearableText('The tenancy reference', 50),
  addressLine: clearableText('The address', 300),
  email: z
    .union([z.literal(''), z.null(), z.string().trim().toLowerCase().pipe(z.email({ error: 'Enter a valid email address' }))], { error: 'Enter a valid email address' })
    .optional()
    .transform((value) => (value === undefined ? undefined : value || null)),
  preferredLanguage: z
    .string({ error: 'The preferred language must be a language tag such as en or pl' })
    .trim()
    .regex(/^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/, { error: 'The preferred language must be a language tag such as en, pl or pt-BR' })
    .optional(),
  preferredChannel: z.enum(CHANNELS, { error: `The preferred channel must be one of ${CHANNELS.join(', ')}` }).nullable().optional(),
  version: version('resident'),
});

export const ZConsentSchema = z.object({
  status: z.enum(CONSENT_STATUSES, { error: `The consent status must be one of ${CONSENT_STATUSES.join(', ')}` }),
  method: z.enum(CONSENT_METHODS, { error: `How consent was given must be one of ${CONSENT_METHODS.join(', ')}` }).default('not_recorded'),
  evidence: optionalText('Where the evidence is', 500),
  givenOn: ZCivilDateSchema.nullable().optional(),
});

const representativeFields = {
  name: requiredText("The representative's name", 200),
  relationship: requiredText('How they are related to the resident (e.g. daughter, support worker)', 100),
  organisation: clearableText('The organisation', 200),
  phone: clearableText('The phone number', 40),
  email: clearableText('The email address', 200),
};

export const ZCreateRepresentativeSchema = z.object({ ...representativeFields, consent: ZConsentSchema.optional() });
export const ZUpdateRepresentativeSchema = z.object({
  name: representativeFields.name.optional(),
  relationship: representativeFields.relationship.optional(),
  organisation: representativeFields.organisation,
  phone: representativeFields.phone,
  email: representativeFields.email,
  version: version('representative'),
});
export const ZRecordConsentSchema = ZConsentSchema.extend({ version: version('representative') });

export const ZCreateAdjustmentSchema = z.object({
  kind: z.enum(ADJUSTMENT_KINDS, { error: `The kind of adjustment must be one of ${ADJUSTMENT_KINDS.join(', ')}` }),
  details: requiredText('What the adjustment is', 1000),
  status: z.enum(ADJUSTMENT_DECISIONS, { error: 'The status must be requested, agreed or declined' }).default('requested'),
  reviewOn: ZCivilDateSchema.optional(),
});
export const ZUpdateAdjustmentSchema = z.object({
  kind: ZCreateAdjustmentSchema.shape.kind.optional(),
  details: requiredText('What the adjustment is', 1000).optional(),
  status: z.enum(ADJUSTMENT_DECISIONS, { error: 'The status must be requested, agreed or declined (end an adjustment with its own action)' }).optional(),
  reviewOn: ZCivilDateSchema.optional(),
  version: version('adjustment'),
});

export const ZCreateDisclosureSchema = z.object({
  kind: z.enum(DISCLOSURE_KINDS, { error: 'The kind must be disability or vulnerability' }),
  description: requiredText('What the resident disclosed', 2000),
  source: z.enum(CHANNELS, { error: `How it was disclosed must be one of ${CHANNELS.join(', ')}` }).optional(),
  reviewOn: ZCivilDateSchema.optional(),
});

/** 5.14: evidence and a reason are required, and a review date. */
export const ZCreateRestrictionSchema = z.object({
  scope: requiredText('What the restriction is (e.g. a single point of contact)', 500),
  reason: requiredText('Why it is needed', 2000),
  evidence: requiredText('The evidence for it', 2000),
  startsOn: ZCivilDateSchema.optional(),
  reviewOn: ZCivilDateSchema,
});

export const ZReviewRecordSchema = z.object({
  nextReviewOn: ZCivilDateSchema,
  note: optionalText('The review note', 2000),
  version: version('record'),
});
export const ZEndRecordSchema = z.object({
  reason: requiredText('Why it is ending', 2000),
  version: version('record'),
});

export type TUpdateResident = z.infer<typeof ZUpdateResidentSchema>;
export type TConsent = z.infer<typeof ZConsentSchema>;
export type TCreateRepresentative = z.infer<typeof ZCreateRepresentativeSchema>;
export type TUpdateRepresentative = z.infer<typeof ZUpdateRepresentativeSchema>;
export type TRecordConsent = z.infer<typeof ZRecordConsentSchema>;
export type TCreateAdjustment = z.infer<typeof ZCreateAdjustmentSchema>;
export type TUpdateAdjustment = z.infer<typeof ZUpdateAdjustmentSchema>;
export type TCreateDisclosure = z.infer<typeof ZCreateDisclosureSchema>;
export type TCreateRestriction = z.infer<typeof ZCreateRestrictionSchema>;
export type TReviewRecord = z.infer<typeof ZReviewRecordSchema>;
export type TEndRecord = z.infer<typeof ZEndRecordSchema>;

// --- What GET /api/residents/:id answers (and the resident.updated event carries) -------------

const staffRef = z.object({ id: z.uuid(), name: z.string() }).nullable();

export const ZResidentPanelSchema = z.object({
  id: z.uuid(),
  version: z.number().int(),
  fullName: z.string().nullable(),
  preferredName: z.string().nullable(),
  postcode: z.string().nullable(),
  tenancyReference: z.string().nullable(),
  addressLine: z.string().nullable(),
  email: z.string().nullable(),
  preferredLanguage: z.string(),
  preferredChannel: z.enum(CHANNELS).nullable(),
  anonymised: z.boolean(),
  /** The London date the overdue flags were worked out for. */
  today: z.string(),
  channels: z.array(
    z.object({
      id: z.uuid(),
      channel: z.enum(CHANNELS),
      /** The phone number; null for web chat (its address is a session hash, not contact details). */
      address: z.string().nullable(),
      verified: z.boolean(),
      optedOut: z.boolean(),
      optedOutAt: z.string().nullable(),
      lastInboundAt: z.string().nullable(),
    }),
  ),
  representatives: z.array(
    z.object({
      id: z.uuid(),
      version: z.number().int(),
      name: z.string(),
      relationship: z.string(),
      organisation: z.string().nullable(),
      phone: z.string().nullable(),
      email: z.string().nullable(),
      consentStatus: z.enum(CONSENT_STATUSES),
      consentMethod: z.enum(CONSENT_METHODS),
      consentEvidence: z.string().nullable(),
      consentGivenOn: z.string().nullable(),
      consentRecordedBy: staffRef,
      /** 3.6: staff may deal with them for the resident only with consent given. */
      mayActForResident: z.boolean(),
    }),
  ),
  adjustments: z.array(
    z.object({
      id: z.uuid(),
      version: z.number().int(),
      kind: z.enum(ADJUSTMENT_KINDS),
      details: z.string(),
      status: z.enum(ADJUSTMENT_STATUSES),
      agreedAt: z.string().nullable(),
      reviewOn: z.string().nullable(),
      reviewedAt: z.string().nullable(),
      inForce: z.boolean(),
      reviewOverdue: z.boolean(),
    }),
  ),
  disclosures: z.array(
    z.object({
      id: z.uuid(),
      version: z.number().int(),
      kind: z.enum(DISCLOSURE_KINDS),
      description: z.string(),
      disclosedAt: z.string(),
      source: z.enum(CHANNELS).nullable(),
      reviewOn: z.string().nullable(),
      reviewedAt: z.string().nullable(),
      endedAt: z.string().nullable(),
      inForce: z.boolean(),
      reviewOverdue: z.boolean(),
    }),
  ),
  restrictions: z.array(
    z.object({
      id: z.uuid(),
      version: z.number().int(),
      scope: z.string(),
      reason: z.string(),
      evidence: z.string(),
      startsOn: z.string(),
      reviewOn: z.string(),
      reviewedAt: z.string().nullable(),
      endedAt: z.string().nullable(),
      decidedBy: staffRef,
      inForce: z.boolean(),
      reviewOverdue: z.boolean(),
    }),
  ),
  complaints: z.array(
    z.object({
      id: z.uuid(),
      reference: z.string(),
      stage: z.enum(STAGES),
      status: z.enum(COMPLAINT_STATUSES),
      receivedAt: z.string(),
      deadline: ZDeadlineSummarySchema.nullable(),
    }),
  ),
  serviceRequests: z.array(
    z.object({
      id: z.uuid(),
      reference: z.string(),
      status: z.enum(SERVICE_REQUEST_STATUSES),
      description: z.string(),
      receivedAt: z.string(),
      completedAt: z.string().nullable(),
    }),
  ),
});
export type TResidentPanel = z.infer<typeof ZResidentPanelSchema>;

/** The staff event sent after every change to a resident's panel. */
export const RESIDENT_UPDATED_EVENT = 'resident.updated';

// For the console's consent form (the engine's browser-safe vocabulary).
export { CONSENT_METHODS, CONSENT_STATUSES };
