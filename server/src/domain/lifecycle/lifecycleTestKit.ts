// Shared fixtures for the lifecycle tests: a fixed calendar, an id source, and a case taken through
// its stages on fixed dates (received Wed 1 April 2026, Easter in the following week).
import { expect } from 'vitest';
import { parseCivilDate } from '../civilDate.ts';
import { createWorkingCalendar } from '../workingDays.ts';
import type {
  CaseSnapshot,
  ComplaintDefinition,
  DomainEvent,
  LetterRequiredEvent,
  OperationContext,
  RemedyInput,
  RespondInput,
} from './index.ts';
import { CodeRuleViolation, acknowledge, escalate, openCase, respond } from './index.ts';

export const d = parseCivilDate;
export const calendar = createWorkingCalendar();
let sequence = 0;
/** Call from beforeEach so ids are id-1, id-2… in every test. */
export function resetIds(): void {
  sequence = 0;
}

export function ctx(at: string, actorId: string | null = 'officer'): OperationContext {
  return { now: new Date(at), calendar, actorId, newId: () => `id-${++sequence}` };
}

/** Runs `fn`, expecting a CodeRuleViolation whose message starts with the provision. */
export function expectViolation(fn: () => unknown, provision: string, code?: string): CodeRuleViolation {
  let caught: unknown;
  try {
    fn();
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(CodeRuleViolation);
  const violation = caught as CodeRuleViolation;
  expect(violation.message.startsWith(`${provision}: `)).toBe(true);
  expect(violation.provision).toBe(provision);
  if (code) expect(violation.code).toBe(code);
  return violation;
}

export const definition: ComplaintDefinition = {
  understanding: 'The repairs team missed two appointments to fix the boiler.',
  outcomesSought: 'A working boiler and an apology.',
  inResponsibility: 'The missed appointments and the repair itself.',
  outOfResponsibility: 'None: every aspect is ours.',
};

export const apology: RemedyInput = { kind: 'apology', description: 'We apologise for the missed appointments.', dueOn: d('2026-04-15'), ownerId: 'h1', done: true };

export const stage1Response: RespondInput = {
  decision: 'upheld',
  reasons: 'Our records show both appointments were missed without notice.',
  remedies: [apology],
  outstandingActions: [{ description: 'Replace the boiler', dueOn: d('2026-05-15'), ownerId: 'h1' }],
};

// Received Wednesday 1 April 2026; acknowledgement due Friday 10 April (6.2).
export const received = (): CaseSnapshot =>
  openCase({ id: 'case-1', reference: 'CMP-2026-000001', receivedAt: new Date('2026-04-01T10:00:00Z') }, ctx('2026-04-01T10:00:00Z')).snapshot;
// Acknowledged Thursday 2 April; response due Monday 20 April (6.3).
export const acknowledged = (): CaseSnapshot => acknowledge(received(), { definition, handlerId: 'h1' }, ctx('2026-04-02T09:00:00Z', 'h1')).snapshot;
export const responded = (): CaseSnapshot => respond(acknowledged(), stage1Response, ctx('2026-04-15T12:00:00Z', 'h1')).snapshot;
// Escalated Monday 20 April; stage 2 acknowledgement due Monday 27 April (6.11).
export const escalated = (): CaseSnapshot => escalate(responded(), { handlerId: 'h2' }, ctx('2026-04-20T12:00:00Z')).snapshot;
// Stage 2 acknowledged Wednesday 22 April; final response due Thursday 21 May (6.14).
export const stage2Acknowledged = (): CaseSnapshot => acknowledge(escalated(), { definition }, ctx('2026-04-22T09:00:00Z', 'h2')).snapshot;

export const types = (events: DomainEvent[]) => events.map((e) => e.type);
export const letters = (events: DomainEvent[]) =>
  events.filter((e): e is LetterRequiredEvent => e.type === 'letter.required').map((e) => e.letter);
