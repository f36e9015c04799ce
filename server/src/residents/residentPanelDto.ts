// The resident panel as the console shows it: plain JSON, never Prisma rows. Review flags come
// from the engine's rule (reviewDates.ts) for today's London date.
import type { Prisma } from '@complaints/db';
import { civilDateFromDbDate, consentInForce, reviewOverdue, summariseDeadline } from '../domain/index.ts';
import type { CivilDate, WorkingCalendar } from '../domain/index.ts';
import type { TResidentPanel } from '../schemas/index.ts';

export const residentPanelInclude = {
  identities: { orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] },
  representatives: { orderBy: [{ createdAt: 'asc' }, { id: 'asc' }], include: { consentRecordedBy: { select: { id: true, name: true } } } },
  adjustments: { orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] },
  disclosures: { orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] },
  restrictions: { orderBy: [{ createdAt: 'asc' }, { id: 'asc' }], include: { decidedBy: { select: { id: true, name: true } } } },
  complaints: {
    orderBy: [{ receivedAt: 'desc' }, { id: 'desc' }],
    select: { id: true, reference: true, stage: true, status: true, receivedAt: true, currentDueOn: true },
  },
  serviceRequests: { orderBy: [{ receivedAt: 'desc' }, { id: 'desc' }] },
} as const satisfies Prisma.ResidentInclude;

export type ResidentPanelRow = Prisma.ResidentGetPayload<{ include: typeof residentPanelInclude }>;

const iso = (value: Date | null) => (value ? value.toISOString() : null);
const civil = (value: Date | null) => (value ? civilDateFromDbDate(value) : null);

type AdjustmentRow = ResidentPanelRow['adjustments'][number];
type DisclosureRow = ResidentPanelRow['disclosures'][number];
type RestrictionRow = ResidentPanelRow['restrictions'][number];
type RepresentativeRow = ResidentPanelRow['representatives'][number];

export const adjustmentInForce = (row: Pick<AdjustmentRow, 'status'>) => row.status === 'requested' || row.status === 'agreed';
export const disclosureInForce = (row: Pick<DisclosureRow, 'endedAt'>) => row.endedAt === null;
export const restrictionInForce = (row: Pick<RestrictionRow, 'endedAt'>) => row.endedAt === null;

export function adjustmentDto(row: Omit<AdjustmentRow, never>, today: CivilDate) {
  const inForce = adjustmentInForce(row);
  return {
    id: row.id,
    version: row.version,
    kind: row.kind,
    details: row.details,
    status: row.status,
    agreedAt: iso(row.agreedAt),
    reviewOn: civil(row.reviewOn),
    reviewedAt: iso(row.reviewedAt),
    inForce,
    reviewOverdue: reviewOverdue(civil(row.reviewOn), today, inForce),
  };
}

export function disclosureDto(row: DisclosureRow, today: CivilDate) {
  const inForce = disclosureInForce(row);
  return {
    id: row.id,
    version: row.version,
    kind: row.kind,
    description: row.description,
    disclosedAt: row.disclosedAt.toISOString(),
    source: row.source,
    reviewOn: civil(row.reviewOn),
    reviewedAt: iso(row.reviewedAt),
    endedAt: iso(row.endedAt),
    inForce,
    reviewOverdue: reviewOverdue(civil(row.reviewOn), today, inForce),
  };
}

export function restrictionDto(row: Omit<RestrictionRow, 'decidedBy'> & { decidedBy?: RestrictionRow['decidedBy'] }, today: CivilDate) {
  const inForce = restrictionInForce(row);
  const reviewOn = civilDateFromDbDate(row.reviewOn);
  return {
    id: row.id,
    version: row.version,
    scope: row.scope,
    reason: row.reason,
    evidence: row.evidence,
    startsOn: civilDateFromDbDate(row.startsOn),
    reviewOn,
    reviewedAt: iso(row.reviewedAt),
    endedAt: iso(row.endedAt),
    decidedBy: row.decidedBy ?? null,
    inForce,
    reviewOverdue: reviewOverdue(reviewOn, today, inForce),
  };
}

export function representativeDto(row: Omit<RepresentativeRow, 'consentRecordedBy'> & { consentRecordedBy?: RepresentativeRow['consentRecordedBy'] }) {
  return {
    id: row.id,
    version: row.version,
    name: row.name,
    relationship: row.relationship,
    organisation: row.organisation,
    phone: row.phone,
    email: row.email,
    consentStatus: row.consentStatus,
    consentMethod: row.consentMethod,
    consentEvidence: row.consentEvidence,
    consentGivenOn: civil(row.consentGivenAt),
    consentRecordedBy: row.consentRecordedBy ?? null,
    mayActForResident: consentInForce(row.consentStatus),
  };
}

export function toResidentPanelDto(row: ResidentPanelRow, today: CivilDate, calendar: WorkingCalendar): TResidentPanel {
  return {
    id: row.id,
    version: row.version,
    fullName: row.fullName,
    preferredName: row.preferredName,
    postcode: row.postcode,
    tenancyReference: row.tenancyReference,
    addressLine: row.addressLine,
    email: row.email,
    preferredLanguage: row.preferredLanguage,
    preferredChannel: row.preferredChannel,
    anonymised: row.anonymisedAt !== null,
    today,
    channels: row.identities.map((identity) => ({
      id: identity.id,
      channel: identity.channel,
      address: identity.channel === 'webchat' ? null : identity.address,
      verified: identity.verifiedAt !== null,
      optedOut: identity.optedOutAt !== null,
      optedOutAt: iso(identity.optedOutAt),
      lastInboundAt: iso(identity.lastInboundAt),
    })),
    representatives: row.representatives.map(representativeDto),
    adjustments: row.adjustments.map((a) => adjustmentDto(a, today)),
    disclosures: row.disclosures.map((d) => disclosureDto(d, today)),
    restrictions: row.restrictions.map((r) => restrictionDto(r, today)),
    complaints: row.complaints.map((c) => ({
      id: c.id,
      reference: c.reference,
      stage: c.stage,
      status: c.status,
      receivedAt: c.receivedAt.toISOString(),
      deadline: c.currentDueOn ? summariseDeadline(civilDateFromDbDate(c.currentDueOn), today, calendar) : null,
    })),
    serviceRequests: row.serviceRequests.map((s) => ({
      id: s.id,
      reference: s.reference,
      status: s.status,
      description: s.description,
      receivedAt: s.receivedAt.toISOString(),
      completedAt: iso(s.completedAt),
    })),
  };
}
