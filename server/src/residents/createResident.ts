// POST /api/residents: staff record a resident who is not on file yet (a caller, a letter writer,
// an anonymous web chat). Postcodes are stored normalised and a phone number becomes the
// resident's SMS identity, so later texts from it join their record. Audited (5.12).
import { normalisePostcode } from '@complaints/bot';
import type { ServerContext } from '../context.ts';
import { recordAudit } from '../audit/recordAudit.ts';
import { AppError, AppErrorCode } from '../http/appError.ts';
import type { TCreateResident, TResidentSummary } from '../schemas/index.ts';
import { RESIDENT_SUMMARY_SELECT, toResidentSummary } from './residentSummary.ts';
import { toE164 } from './ukPhoneNumber.ts';

export interface CreateResidentOptions extends TCreateResident {
  actorId: string;
}

export async function createResident(ctx: ServerContext, options: CreateResidentOptions): Promise<TResidentSummary> {
  const now = ctx.now();
  const phone = options.phone === undefined ? null : toE164(options.phone);
  if (options.phone !== undefined && !phone) throw new AppError(AppErrorCode.InvalidRequest, 'phone: Enter a UK phone number, like 07700 900123');
  const id = await ctx.prisma.$transaction(async (tx) => {
    const identity = phone ? await tx.channelIdentity.findUnique({ where: { channel_address: { channel: 'sms', address: phone } } }) : null;
    if (identity?.residentId) {
      throw new AppError(AppErrorCode.Conflict, 'That phone number is already on another resident’s record. Search for the number and choose that resident instead.');
    }
    const resident = await tx.resident.create({
      data: {
        fullName: options.fullName,
        preferredName: options.preferredName ?? null,
        postcode: options.postcode ? normalisePostcode(options.postcode) : null,
        tenancyReference: options.tenancyReference?.toUpperCase() ?? null,
        addressLine: options.addressLine ?? null,
        email: options.email ?? null,
        createdAt: now,
      },
      select: { id: true },
    });
    await recordAudit(tx, {
      actor: { type: 'staff', staffId: options.actorId },
      action: 'resident.created',
      entityType: 'Resident',
      entityId: resident.id,
      residentId: resident.id,
      after: { source: 'staff', phone: phone !== null, email: options.email !== undefined },
      at: now,
    });
    if (phone) {
      const linked = identity
        ? await tx.channelIdentity.update({ where: { id: identity.id }, data: { residentId: resident.id } })
        : await tx.channelIdentity.create({ data: { channel: 'sms', address: phone, residentId: resident.id, createdAt: now } });
      await recordAudit(tx, {
        actor: { type: 'staff', staffId: options.actorId },
        action: 'channel_identity.linked',
        entityType: 'ChannelIdentity',
        entityId: linked.id,
        residentId: resident.id,
        at: now,
      });
    }
    return resident.id;
  });
  return toResidentSummary(await ctx.prisma.resident.findUniqueOrThrow({ where: { id }, select: RESIDENT_SUMMARY_SELECT }));
}
