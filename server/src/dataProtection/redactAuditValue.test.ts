import { describe, expect, it } from 'vitest';
import { ANONYMISED, redactAuditValue } from './redactAuditValue.ts';

describe('audit redaction keeps only what cannot identify a person', () => {
  it('keeps numbers, booleans, dates, ids, references and codes; replaces other text, however deep', () => {
    expect(
      redactAuditValue({
        status: 'acknowledged',
        stage: 'stage_1',
        version: 3,
        acknowledgedLate: false,
        acknowledgedAt: '2026-04-09T09:00:00.000Z',
        responseDueOn: '2026-04-23',
        handlerId: '0b7f0a3e-4c1d-4d5e-9f00-2a1b3c4d5e6f',
        reference: 'CMP-2026-000001',
        definition: { understanding: 'Ann says the boiler failed', outcomesSought: 'Call 07700 900123' },
        remedies: [{ kind: 'financial', description: 'Pay Ann £50', amountPence: 5000 }],
        status_note: 'smith',
      }),
    ).toEqual({
      status: 'acknowledged',
      stage: 'stage_1',
      version: 3,
      acknowledgedLate: false,
      acknowledgedAt: '2026-04-09T09:00:00.000Z',
      responseDueOn: '2026-04-23',
      handlerId: '0b7f0a3e-4c1d-4d5e-9f00-2a1b3c4d5e6f',
      reference: 'CMP-2026-000001',
      definition: { understanding: ANONYMISED, outcomesSought: ANONYMISED },
      remedies: [{ kind: 'financial', description: ANONYMISED, amountPence: 5000 }],
      status_note: ANONYMISED,
    });
  });

  it('a code key holding free text is still replaced', () => {
    expect(redactAuditValue({ status: 'Mrs Example rang' })).toEqual({ status: ANONYMISED });
  });
});
