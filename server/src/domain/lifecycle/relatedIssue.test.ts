import { beforeEach, describe, expect, it } from 'vitest';
import { addRelatedIssue, routeNewIssue } from './index.ts';
import { acknowledged, ctx, definition, escalated, expectViolation, received, resetIds, responded } from './lifecycleTestKit.ts';

beforeEach(resetIds);

describe('guards: each refuses, naming the provision, then succeeds once satisfied', () => {
  it('6.8: a related issue after the stage 1 response is a new, linked case', () => {
    const issue = { description: 'The radiator in the hall leaks too.', related: true };
    expectViolation(() => addRelatedIssue(responded(), issue, ctx('2026-04-16T09:00:00Z')), '6.8', 'new_case_required');
    const { snapshot } = addRelatedIssue(received(), issue, ctx('2026-04-01T15:00:00Z'));
    expect(snapshot.relatedIssues).toEqual([{ description: issue.description, raisedAt: new Date('2026-04-01T15:00:00Z') }]);
  });

  it('5.6: a related issue added after acknowledgement updates the complaint definition', () => {
    const issue = { description: 'The radiator in the hall leaks too.', related: true };
    expectViolation(() => addRelatedIssue(acknowledged(), issue, ctx('2026-04-03T09:00:00Z', 'h1')), '5.6');
    const updated = { ...definition, understanding: `${definition.understanding} The hall radiator also leaks.` };
    const { snapshot, events } = addRelatedIssue(acknowledged(), { ...issue, definition: updated }, ctx('2026-04-03T09:00:00Z', 'h1'));
    expect(snapshot.stage1.definition?.understanding).toMatch(/radiator/);
    expect(events[0]).toMatchObject({ type: 'complaint.related_issue_added', before: { definition: { understanding: definition.understanding } } });
  });
});

describe('routeNewIssue (6.8)', () => {
  it.each([
    ['related, before acknowledgement', () => received(), { related: true }, 'add_to_case', undefined],
    ['related, while investigating', () => acknowledged(), { related: true }, 'add_to_case', undefined],
    ['related but would unreasonably delay', () => acknowledged(), { related: true, wouldUnreasonablyDelay: true }, 'new_case', 'case-1'],
    ['related, after the stage 1 response', () => responded(), { related: true }, 'new_case', 'case-1'],
    ['related, at stage 2', () => escalated(), { related: true }, 'new_case', 'case-1'],
    ['unrelated', () => acknowledged(), { related: false }, 'new_case', null],
  ] as const)('%s', (_label, make, issue, route, relatedToId) => {
    const result = routeNewIssue(make(), issue);
    expect(result.route).toBe(route);
    if (result.route === 'new_case') expect(result.relatedToId).toBe(relatedToId);
  });
});
