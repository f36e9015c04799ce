import type { ServerContext } from '../context.ts';
import type { TResidentPanel, TUpdateRepresentative } from '../schemas/index.ts';
import { changeRepresentative } from './representativeChange.ts';
import { publishResidentPanel } from './residentChanges.ts';

const FIELDS = ['name', 'relationship', 'organisation', 'phone', 'email'] as const;

export async function updateRepresentative(
  ctx: ServerContext,
  options: TUpdateRepresentative & { residentId: string; representativeId: string; actorId: string },
): Promise<TResidentPanel> {
  const data = Object.fromEntries(FIELDS.filter((field) => options[field] !== undefined).map((field) => [field, options[field]]));
  const at = ctx.now();
  await ctx.prisma.$transaction((tx) => changeRepresentative(tx, { ...options, action: 'representative.updated', data, at }));
  return publishResidentPanel(ctx, options.residentId);
}
