// Internal helpers that build change and letter events with before/after as plain JSON (5.12).
import type { LetterRequest } from '../letters/index.ts';
import type { CaseSnapshot } from './caseSnapshot.ts';
import type { ChangeEvent, ChangeEventType, EntityType, EventBase, JsonValue, LetterRequiredEvent } from './events.ts';
import type { OperationContext } from './operation.ts';

function toJson(value: unknown): JsonValue {
  if (value === undefined || value === null) return null;
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(toJson);
  if (typeof value === 'object') {
    const out: { [key: string]: JsonValue } = {};
    for (const [k, v] of Object.entries(value)) out[k] = toJson(v);
    return out;
  }
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  return String(value);
}

function fields(source: object): { [key: string]: JsonValue } {
  return toJson(source) as { [key: string]: JsonValue };
}

function base(c: CaseSnapshot, ctx: OperationContext): EventBase {
  return { complaintId: c.id, stage: c.stage, occurredAt: ctx.now, actorId: ctx.actorId };
}

export function change(
  c: CaseSnapshot,
  ctx: OperationContext,
  type: ChangeEventType,
  before: object | null,
  after: object | null,
  entity: { type: EntityType; id: string } = { type: 'complaint', id: c.id },
): ChangeEvent {
  return {
    ...base(c, ctx),
    type,
    entityType: entity.type,
    entityId: entity.id,
    before: before && fields(before),
    after: after && fields(after),
  };
}

export function letterEvent(c: CaseSnapshot, ctx: OperationContext, letter: LetterRequest): LetterRequiredEvent {
  return { ...base(c, ctx), type: 'letter.required', letter };
}
