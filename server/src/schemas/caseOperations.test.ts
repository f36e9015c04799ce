import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { AcknowledgeInput, CloseInput, EscalateInput, ExtendInput, RefuseInput, RespondInput } from '../domain/lifecycle/index.ts';
import type { TAcknowledgeCase, TCloseCase, TEscalateCase, TExtendCase, TRefuseCase, TRespondCase } from './index.ts';
import {
  ZAcknowledgeCaseSchema,
  ZCalendarQuerySchema,
  ZCloseCaseSchema,
  ZEscalateCaseSchema,
  ZExtendCaseSchema,
  ZRefuseCaseSchema,
  ZRespondCaseSchema,
} from './index.ts';

const uuid = '6f1c2a4e-8b7d-4c3e-9a21-0d5f3b2e1c44';
const definition = { understanding: 'Missed repairs', outcomesSought: 'A fix', inResponsibility: 'Repairs', outOfResponsibility: 'none' };

function messages(result: { success: boolean; error?: { issues: { message: string }[] } }): string[] {
  return result.error?.issues.map((i) => i.message) ?? [];
}

describe('command schemas', () => {
  it('acknowledge: every part of the definition, with human messages', () => {
    expect(ZAcknowledgeCaseSchema.safeParse({ definition, version: 1 }).success).toBe(true);
    const bad = ZAcknowledgeCaseSchema.safeParse({ definition: { ...definition, outcomesSought: '  ' }, version: 1 });
    expect(messages(bad)).toEqual(['The outcomes the resident is seeking cannot be empty']);
    expect(messages(ZAcknowledgeCaseSchema.safeParse({ definition: { understanding: 'x' }, version: 1 }))).toContain(
      'The outcomes the resident is seeking is required',
    );
    expect(messages(ZAcknowledgeCaseSchema.safeParse({ definition }))).toEqual([
      'version is required (the version of the complaint you are changing)',
    ]);
  });

  it('extend: days or a date, a reason, and blank good reasons dropped', () => {
    const ok = ZExtendCaseSchema.parse({ workingDays: 5, reason: ' Survey ', goodReason: '   ', version: 3 });
    expect(ok).toEqual({ workingDays: 5, reason: 'Survey', goodReason: undefined, version: 3 });
    expect(ZExtendCaseSchema.parse({ newDueOn: '2026-05-06', reason: 'x', version: 3 }).newDueOn).toBe('2026-05-06');
    expect(messages(ZExtendCaseSchema.safeParse({ reason: 'x', version: 3 }))[0]).toMatch(/either the number of extra working days or the new due date/);
    expect(messages(ZExtendCaseSchema.safeParse({ workingDays: 2, newDueOn: '2026-05-06', reason: 'x', version: 3 }))[0]).toMatch(/not both/);
    expect(messages(ZExtendCaseSchema.safeParse({ newDueOn: '2026-02-30', reason: 'x', version: 3 }))).toContain('That date does not exist');
    expect(messages(ZExtendCaseSchema.safeParse({ workingDays: 5, reason: '', version: 3 }))).toContain('The reason for the extension cannot be empty');
  });

  it('respond: decision, reasons, and remedies that say what, when and who', () => {
    const body = {
      decision: 'upheld',
      reasons: 'Both visits were missed.',
      remedies: [{ kind: 'financial', description: 'Compensation', amountPence: 5000, dueOn: '2026-04-30', ownerId: uuid }],
      version: 2,
    };
    expect(ZRespondCaseSchema.parse(body).outstandingActions).toEqual([]);
    expect(messages(ZRespondCaseSchema.safeParse({ ...body, decision: 'maybe' }))).toEqual(['Choose a decision: upheld, partly upheld or not upheld']);
    const noAmount = { ...body, remedies: [{ ...body.remedies[0], amountPence: undefined }] };
    expect(messages(ZRespondCaseSchema.safeParse(noAmount))).toEqual(['A financial remedy must state the amount']);
    const noOwner = { ...body, remedies: [{ ...body.remedies[0], ownerId: 'someone' }] };
    expect(messages(ZRespondCaseSchema.safeParse(noOwner))).toEqual(['The owner must be a valid id']);
  });

  it('escalate: the reason is optional (6.12); requestedAt is read as a Date', () => {
    const parsed = ZEscalateCaseSchema.parse({ handlerId: uuid, requestedAt: '2026-04-20T09:30:00+01:00', version: 4 });
    expect(parsed.requestedAt?.toISOString()).toBe('2026-04-20T08:30:00.000Z');
    expect(parsed.reason).toBeUndefined();
    expect(ZEscalateCaseSchema.safeParse({ handlerId: uuid, requestedAt: 'yesterday', version: 4 }).success).toBe(false);
  });

  it('refuse: a reason code and an explanation; discretion confirmed for over 12 months (2.3)', () => {
    expect(ZRefuseCaseSchema.safeParse({ reasonCode: 'legal_proceedings', explanation: 'Claim filed', version: 1 }).success).toBe(true);
    expect(messages(ZRefuseCaseSchema.safeParse({ reasonCode: 'over_12_months', explanation: 'Old', version: 1 }))[0]).toMatch(/discretion/);
    expect(messages(ZRefuseCaseSchema.safeParse({ reasonCode: 'blanket', explanation: 'x', version: 1 }))).toEqual([
      'Choose the reason for not accepting the complaint',
    ]);
  });

  it('close: category and learning (9.1)', () => {
    expect(ZCloseCaseSchema.safeParse({ categoryId: uuid, learning: 'Text before visits', version: 1 }).success).toBe(true);
    expect(messages(ZCloseCaseSchema.safeParse({ categoryId: uuid, learning: ' ', version: 1 }))).toEqual([
      'The learning from this complaint cannot be empty',
    ]);
  });

  it('calendar query: a real date and 1..200 days, from a query string', () => {
    expect(ZCalendarQuerySchema.parse({ from: '2026-12-24', days: '10' })).toEqual({ from: '2026-12-24', days: 10 });
    expect(ZCalendarQuerySchema.safeParse({ from: '2026-12-24', days: '0' }).success).toBe(false);
    expect(ZCalendarQuerySchema.safeParse({ from: '2026-12-24', days: '201' }).success).toBe(false);
    expect(ZCalendarQuerySchema.safeParse({ from: '24/12/2026', days: '5' }).success).toBe(false);
  });

  it('parsed commands fit the domain operations', () => {
    expectTypeOf<TAcknowledgeCase>().toExtend<AcknowledgeInput>();
    expectTypeOf<TExtendCase>().toExtend<ExtendInput>();
    expectTypeOf<TRespondCase>().toExtend<RespondInput>();
    expectTypeOf<TEscalateCase>().toExtend<EscalateInput>();
    expectTypeOf<TRefuseCase>().toExtend<RefuseInput>();
    expectTypeOf<TCloseCase>().toExtend<CloseInput>();
  });
});

describe('browser safety', () => {
  it('the schemas reach no Node-only module and no date-holidays (the console imports them)', () => {
    const here = dirname(fileURLToPath(import.meta.url));
    const seen = new Set<string>();
    const external = new Set<string>();
    const visit = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      const source = readFileSync(file, 'utf8');
      // Type-only imports vanish at build time, so only value imports count.
      for (const match of source.matchAll(/^import\s+(?!type\b)[^'"]*?from\s+'([^']+)'/gm)) {
        const spec = match[1] as string;
        if (spec.startsWith('.')) visit(resolve(dirname(file), spec));
        else external.add(spec);
      }
      for (const match of source.matchAll(/^export\s+(?!type\b)[^'"]*?from\s+'([^']+)'/gm)) {
        const spec = match[1] as string;
        if (spec.startsWith('.')) visit(resolve(dirname(file), spec));
        else external.add(spec);
      }
    };
    visit(resolve(here, 'index.ts'));
    expect([...external]).toEqual(['zod']);
    expect([...seen].some((f) => f.includes('workingDays'))).toBe(false);
  });
});
