import { describe, expect, it } from 'vitest';
import { describeCaseEvent, formatCivilDate, humaniseAction, type SummaryLookup } from './caseEventSummary.ts';

const lookup: SummaryLookup = {
  staffName: (id) => ({ 'staff-1': 'Hana Handler', 'staff-2': 'Rowan Reviewer' })[id],
  categoryName: (id) => (id === 'cat-1' ? 'Repairs' : undefined),
  itemDescription: (id) => (id === 'remedy-1' ? 'Compensation for the missed visits' : undefined),
};
const describe_ = (action: string, after: unknown, before: unknown = null, entityId = 'x') => describeCaseEvent({ action, entityId, before, after }, lookup);

describe('describeCaseEvent: the audit log as sentences (5.12)', () => {
  it('says what happened with dates and names, not ids', () => {
    expect(describe_('complaint.acknowledged', { responseDueOn: '2026-04-17', handlerId: 'staff-1', acknowledgedLate: true })).toEqual({
      summary: 'Acknowledged, defined and logged',
      details: ['Response due 17 April 2026', 'Handler: Hana Handler', 'Acknowledged after the due date'],
    });
    expect(describe_('complaint.extended', { responseDueOn: '2026-05-05', extension: { workingDays: 1, reason: 'Survey', goodReason: null, updateIntervalDays: 7 } })).toEqual({
      summary: 'Response deadline extended by 1 working day to 5 May 2026',
      details: ['Reason: Survey', 'Resident to be updated every 7 days'],
    });
    expect(describe_('complaint.escalated', { handlerId: 'staff-2', escalationReason: null, acknowledgementDueOn: '2026-04-24' }).details).toEqual([
      'The resident gave no reason (none is needed, 6.12)',
      'Stage 2 handler: Rowan Reviewer',
      'Stage 2 acknowledgement due 24 April 2026',
    ]);
    expect(describe_('complaint.refused', { refusal: { reasonCode: 'legal_proceedings', explanation: 'Court claim filed.' } })).toEqual({
      summary: 'Refused: Legal proceedings have started',
      details: ['Explanation: Court claim filed.'],
    });
    expect(describe_('complaint.closed', { closure: { categoryId: 'cat-1', learning: 'Confirm visits.' } }).details).toEqual(['Category: Repairs', 'Learning: Confirm visits.']);
    expect(describe_('remedy.added', { kind: 'financial', description: 'Compensation', amountPence: 5000, dueOn: '2026-04-30', ownerId: 'staff-9', doneAt: null })).toEqual({
      summary: 'Remedy: Financial remedy \u2013 Compensation',
      details: ['Amount: \u00a350.00', 'Due 30 April 2026', 'Owner: a former member of staff'],
    });
    expect(describe_('remedy.completed', { doneAt: '2026-04-02T09:00:00Z' }, { doneAt: null }, 'remedy-1').summary).toBe('Remedy done: Compensation for the missed visits');
  });

  it('lists which parts of the definition changed, without repeating them', () => {
    const before = { definition: { understanding: 'A', outcomesSought: 'B', inResponsibility: 'C', outOfResponsibility: 'none' } };
    const after = { definition: { understanding: 'A2', outcomesSought: 'B', inResponsibility: 'C', outOfResponsibility: 'D' } };
    expect(describe_('complaint.definition_updated', after, before)).toEqual({
      summary: 'Complaint definition updated',
      details: ['Changed: our understanding, what we are not responsible for'],
    });
  });

  it('shows only the name of an action it does not know, never its data', () => {
    const summary = describe_('resident.phone_changed', { phone: '+447700900123' });
    expect(summary).toEqual({ summary: 'Resident phone changed', details: [] });
    expect(JSON.stringify(summary)).not.toContain('900123');
    expect(humaniseAction('complaint.related_issue_added')).toBe('Complaint related issue added');
  });

  it('formats civil dates and ignores anything that is not one', () => {
    expect(formatCivilDate('2026-12-28')).toBe('28 December 2026');
    expect(formatCivilDate('soon')).toBeUndefined();
    expect(formatCivilDate(42)).toBeUndefined();
  });
});
