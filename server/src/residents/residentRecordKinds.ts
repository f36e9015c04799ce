// The three kinds of record kept under review (5.10, 5.14): each is reviewed (a new review date)
// and ended (with a reason) the same way, so one review and one end operation serve all three.
import type { Prisma } from '@complaints/db';
import { civilDateFromDbDate } from '../domain/index.ts';
import type { CivilDate } from '../domain/index.ts';
import { AppError, AppErrorCode } from '../http/appError.ts';
import { adjustmentDto, adjustmentInForce, disclosureDto, disclosureInForce, restrictionDto, restrictionInForce } from './residentPanelDto.ts';
import { notFound, staleRecordError } from './residentChanges.ts';

type Tx = Prisma.TransactionClient;

export const REVIEWED_RECORD_KINDS = ['adjustments', 'disclosures', 'restrictions'] as const;
export type ReviewedRecordKind = (typeof REVIEWED_RECORD_KINDS)[number];

export interface ReviewedRecord {
  residentId: string;
  version: number;
  inForce: boolean;
  /** Restrictions only: the review must fall after the start (5.14). */
  startsOn: CivilDate | null;
  dto(today: CivilDate): Prisma.InputJsonValue;
}

export interface ReviewedRecordKindSpec {
  entityType: string;
  /** In the words the console shows. */
  what: string;
  provision: string;
  auditAction: string;
  load(tx: Tx, id: string): Promise<ReviewedRecord | null>;
  /** Returns how many rows changed: 0 when the version was stale. */
  review(tx: Tx, id: string, version: number, data: { reviewOn: Date; reviewedAt: Date }): Promise<number>;
  end(tx: Tx, id: string, version: number, at: Date): Promise<number>;
}

const bump = { version: { increment: 1 } } as const;

export const REVIEWED_RECORDS: Record<ReviewedRecordKind, ReviewedRecordKindSpec> = {
  adjustments: {
    entityType: 'ReasonableAdjustment',
    what: 'reasonable adjustment',
    provision: '5.10',
    auditAction: 'reasonable_adjustment',
    load: async (tx, id) => {
      const row = await tx.reasonableAdjustment.findUnique({ where: { id } });
      return row && { residentId: row.residentId, version: row.version, inForce: adjustmentInForce(row), startsOn: null, dto: (today) => adjustmentDto(row, today) };
    },
    review: async (tx, id, version, data) => (await tx.reasonableAdjustment.updateMany({ where: { id, version }, data: { ...data, ...bump } })).count,
    end: async (tx, id, version) => (await tx.reasonableAdjustment.updateMany({ where: { id, version }, data: { status: 'ended', ...bump } })).count,
  },
  disclosures: {
    entityType: 'Disclosure',
    what: 'disclosure',
    provision: '5.10',
    auditAction: 'disclosure',
    load: async (tx, id) => {
      const row = await tx.disclosure.findUnique({ where: { id } });
      return row && { residentId: row.residentId, version: row.version, inForce: disclosureInForce(row), startsOn: null, dto: (today) => disclosureDto(row, today) };
    },
    review: async (tx, id, version, data) => (await tx.disclosure.updateMany({ where: { id, version }, data: { ...data, ...bump } })).count,
    end: async (tx, id, version, at) => (await tx.disclosure.updateMany({ where: { id, version }, data: { endedAt: at, ...bump } })).count,
  },
  restrictions: {
    entityType: 'ContactRestriction',
    what: 'contact restriction',
    provision: '5.14',
    auditAction: 'contact_restriction',
    load: async (tx, id) => {
      const row = await tx.contactRestriction.findUnique({ where: { id } });
      return (
        row && {
          residentId: row.residentId,
          version: row.version,
          inForce: restrictionInForce(row),
          startsOn: civilDateFromDbDate(row.startsOn),
          dto: (today) => restrictionDto(row, today),
        }
      );
    },
    review: async (tx, id, version, data) => (await tx.contactRestriction.updateMany({ where: { id, version }, data: { ...data, ...bump } })).count,
    end: async (tx, id, version, at) => (await tx.contactRestriction.updateMany({ where: { id, version }, data: { endedAt: at, ...bump } })).count,
  },
};

/**
 * The record as it stands, checked before a review or an end: it belongs to this resident, the
 * caller saw its current version, and it is still in force (`whenEnded` says why that matters).
 */
export async function loadRecordInForce(
  tx: Tx,
  spec: ReviewedRecordKindSpec,
  options: { residentId: string; itemId: string; version: number; whenEnded: string },
): Promise<ReviewedRecord> {
  const record = await spec.load(tx, options.itemId);
  if (record?.residentId !== options.residentId) throw notFound(spec.what);
  if (record.version !== options.version) throw await staleRecordError(tx, spec.entityType, options.itemId, spec.what);
  if (!record.inForce) throw new AppError(AppErrorCode.InvalidRequest, `This ${spec.what} ${options.whenEnded}`);
  return record;
}
