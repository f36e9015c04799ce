import { describe, expect, it } from 'vitest';
import { parseCivilDate } from './civilDate.ts';
import { consentProblem } from './representativeConsent.ts';
import { agreedAdjustmentProblem, restrictionDatesProblem, reviewOverdue } from './reviewDates.ts';

const d = parseCivilDate;
const today = d('2026-11-04');

describe('review dates (5.10, 5.14)', () => {
  it('are overdue from the day after the review date, and only while the record is in force', () => {
    expect(reviewOverdue(d('2026-11-03'), today, true)).toBe(true);
    expect(reviewOverdue(d('2026-11-04'), today, true)).toBe(false);
    expect(reviewOverdue(d('2026-11-03'), today, false)).toBe(false);
    expect(reviewOverdue(null, today, true)).toBe(false);
  });

  it('an agreed adjustment needs a review date; a requested one does not yet', () => {
    expect(agreedAdjustmentProblem('agreed', null)).toMatch(/^5\.10: /);
    expect(agreedAdjustmentProblem('agreed', d('2027-05-01'))).toBeNull();
    expect(agreedAdjustmentProblem('requested', null)).toBeNull();
  });

  it('a restriction is reviewed after it starts, and never from a date already past', () => {
    expect(restrictionDatesProblem(d('2026-11-04'), d('2026-11-04'), today)).toMatch(/^5\.14: the review date \(2026-11-04\) must be after/);
    expect(restrictionDatesProblem(d('2026-10-01'), d('2026-11-03'), today)).toMatch(/^5\.14: the next review date cannot be in the past/);
    expect(restrictionDatesProblem(d('2026-11-04'), d('2027-02-04'), today)).toBeNull();
  });
});

describe('representative consent (3.6)', () => {
  it('recorded as given names how, where the evidence is, and when', () => {
    expect(consentProblem({ status: 'given', method: 'not_recorded', evidence: null, givenOn: null }, today)).toBe(
      '3.6: consent recorded as given needs how consent was given, where the evidence is (a document reference or call recording), the date it was given.',
    );
    expect(consentProblem({ status: 'given', method: 'verbal', evidence: 'Call 2026-11-04 10:15, agent notes', givenOn: d('2026-11-05') }, today)).toMatch(/in the future/);
    expect(consentProblem({ status: 'given', method: 'written', evidence: 'DOC-123', givenOn: today }, today)).toBeNull();
  });

  it('other statuses need nothing more: "to be verified" is what an agent records first', () => {
    expect(consentProblem({ status: 'to_be_verified', method: 'not_recorded', evidence: null, givenOn: null }, today)).toBeNull();
    expect(consentProblem({ status: 'withdrawn', method: 'not_recorded', evidence: null, givenOn: null }, today)).toBeNull();
  });
});
