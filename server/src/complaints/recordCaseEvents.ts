// Turns the engine's events into rows, inside the operation's transaction: every change becomes
// an append-only audit row (5.12) and every 'letter.required' becomes a Letter (HTML to print and
// a short text), linked to its extension (6.5 / 6.16) or refusal (2.4) and audited too.
import type { Prisma } from '@complaints/db';
import { recordAudit, type AuditEntry } from '../audit/recordAudit.ts';
import { applyLetterTemplate, renderLetterRequest } from '../domain/index.ts';
import { readLetterTemplate } from '../settings/settingKeys.ts';
import type { CaseSnapshot, ChangeEvent, ChangeEventType, DomainEvent, LetterContext, LetterRequiredEvent, RenderedLetter } from '../domain/index.ts';
import type { Db } from './caseRow.ts';
import { letterOptionsFor } from './letterOptions.ts';

/** Service-level edits the engine does not model (the definition edit) use the same shape. */
export type CaseChangeEvent = Omit<ChangeEvent, 'type'> & { type: ChangeEventType | 'complaint.definition_updated' };
export type CaseEvent = CaseChangeEvent | LetterRequiredEvent;

export interface RecordCaseEventsOptions {
  events: readonly (CaseEvent | DomainEvent)[];
  after: CaseSnapshot;
  residentId: string;
  letters: LetterContext;
  now: Date;
}

function actorOf(actorId: string | null): AuditEntry['actor'] {
  return actorId ? { type: 'staff', staffId: actorId } : { type: 'system' };
}

export async function recordCaseEvents(tx: Db, options: RecordCaseEventsOptions): Promise<string[]> {
  const letterIds: string[] = [];
  for (const event of options.events) {
    if (event.type === 'letter.required') {
      letterIds.push(await issueLetter(tx, event as LetterRequiredEvent, options));
      continue;
    }
    const change = event as CaseChangeEvent;
    await recordAudit(tx, {
      actor: actorOf(change.actorId),
      action: change.type,
      entityType: change.entityType,
      entityId: change.entityId,
      complaintId: change.complaintId,
      residentId: options.residentId,
      ...(change.before ? { before: change.before as Prisma.InputJsonValue } : {}),
      ...(change.after ? { after: change.after as Prisma.InputJsonValue } : {}),
      at: change.occurredAt,
    });
  }
  return letterIds;
}

/** The letter as the resident will get it; letter previews render through here too, so they match. */
export async function renderCaseLetter(
  db: Db,
  event: LetterRequiredEvent,
  options: { residentId: string; letters: LetterContext; now: Date },
): Promise<RenderedLetter> {
  const letterOptions = await letterOptionsFor(db, { residentId: options.residentId, signerId: event.actorId, now: options.now });
  // The landlord's template (contact, signature, opening) on top of the configuration; the Code's sections are the letter's own.
  const templated = applyLetterTemplate(event.letter.kind, options.letters, letterOptions, await readLetterTemplate(db));
  return renderLetterRequest(event.letter, templated.context, templated.options);
}

async function issueLetter(tx: Db, event: LetterRequiredEvent, options: RecordCaseEventsOptions): Promise<string> {
  const rendered = await renderCaseLetter(tx, event, options);
  const letter = await tx.letter.create({
    data: {
      complaintId: event.complaintId,
      kind: event.letter.kind,
      stage: event.letter.stage,
      html: rendered.html,
      text: rendered.text,
      largePrint: rendered.largePrint,
      language: rendered.language,
      createdById: event.actorId,
      createdAt: options.now,
    },
  });
  if (event.letter.kind === 'extension_notice') {
    const stage = event.letter.stage === 'stage_1' ? options.after.stage1 : options.after.stage2;
    const extension = stage?.extensions.at(-1);
    if (extension) await tx.extension.update({ where: { id: extension.id }, data: { letterId: letter.id } });
  }
  if (event.letter.kind === 'refusal' && options.after.refusal) {
    await tx.refusal.update({ where: { id: options.after.refusal.id }, data: { letterId: letter.id } });
  }
  await recordAudit(tx, {
    actor: actorOf(event.actorId),
    action: 'letter.issued',
    entityType: 'letter',
    entityId: letter.id,
    complaintId: event.complaintId,
    residentId: options.residentId,
    after: { kind: letter.kind, stage: letter.stage, subject: rendered.subject, largePrint: letter.largePrint, language: letter.language },
    at: options.now,
  });
  return letter.id;
}
