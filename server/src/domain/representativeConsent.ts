// 3.6: a representative may act for the resident. Consent is recorded, never assumed: "given"
// needs how it was given, where the evidence is, and when - and it cannot be in the future.
import type { CivilDate } from './civilDate.ts';

export const CONSENT_STATUSES = ['given', 'to_be_verified', 'refused', 'withdrawn'] as const;
export type ConsentStatus = (typeof CONSENT_STATUSES)[number];

export const CONSENT_METHODS = ['written', 'verbal', 'recorded_call', 'digital', 'legal_authority', 'not_recorded'] as const;
export type ConsentMethod = (typeof CONSENT_METHODS)[number];

export interface ConsentRecord {
  status: ConsentStatus;
  method: ConsentMethod;
  evidence: string | null;
  givenOn: CivilDate | null;
}

/** The problem with recording this consent (provision first), or null. */
export function consentProblem(consent: ConsentRecord, today: CivilDate): string | null {
  if (consent.status !== 'given') return null;
  const missing: string[] = [];
  if (consent.method === 'not_recorded') missing.push('how consent was given');
  if (!consent.evidence) missing.push('where the evidence is (a document reference or call recording)');
  if (!consent.givenOn) missing.push('the date it was given');
  if (missing.length) return `3.6: consent recorded as given needs ${missing.join(', ')}.`;
  if (consent.givenOn && consent.givenOn > today) return `3.6: consent cannot have been given in the future (today is ${today}).`;
  return null;
}

/** Whether staff may deal with the representative for the resident now. */
export function consentInForce(status: ConsentStatus): boolean {
  return status === 'given';
}
