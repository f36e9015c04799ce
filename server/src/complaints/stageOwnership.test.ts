import { describe, expect, it } from 'vitest';
import { CASE_WORK } from '../domain/index.ts';
import { caseWorkRefusal, permittedRoles, rolesForCaseWork } from './stageOwnership.ts';

describe('stage ownership', () => {
  it('gives stage 1 work to handlers and stage 2 work to reviewers, both to complaints officers and admins', () => {
    for (const work of ['define', 'acknowledge', 'extend', 'respond', 'refuse', 'close', 'addRelatedIssue', 'completeAction'] as const) {
      expect(rolesForCaseWork(work, 'stage_1')).toEqual(['handler', 'complaints_officer', 'admin']);
      expect(rolesForCaseWork(work, 'stage_2')).toEqual(['reviewer', 'complaints_officer', 'admin']);
    }
  });

  it('refuses a handler at stage 2 and a reviewer at stage 1, and says who may', () => {
    expect(caseWorkRefusal(['handler'], 'respond', 'stage_1')).toBeNull();
    expect(caseWorkRefusal(['handler'], 'respond', 'stage_2')).toBe(
      'This complaint is at stage 2, which reviewers own: it needs the reviewer, complaints officer or admin role. Ask a complaints officer to assign it to someone who holds it.',
    );
    expect(caseWorkRefusal(['reviewer'], 'extend', 'stage_1')).toMatch(/^This complaint is at stage 1, which handlers own/);
    expect(caseWorkRefusal(['reviewer', 'agent'], 'extend', 'stage_2')).toBeNull();
    expect(caseWorkRefusal(['complaints_officer'], 'close', 'stage_1')).toBeNull();
    expect(caseWorkRefusal(['admin'], 'close', 'stage_2')).toBeNull();
    expect(caseWorkRefusal(['agent'], 'addNote', 'stage_1')).toBe('This needs the role of handler, reviewer, complaints officer or admin.');
  });

  it('keeps assigning with complaints officers and admins at either stage', () => {
    expect(caseWorkRefusal(['handler', 'reviewer'], 'assignHandler', 'stage_1')).toBe('Assigning a handler is for a complaints officer or admin.');
    expect(caseWorkRefusal(['complaints_officer'], 'assignHandler', 'stage_2')).toBeNull();
  });

  it('lets either stage role record an escalation (the hand-over), never an agent', () => {
    expect(caseWorkRefusal(['reviewer'], 'escalate', 'stage_1')).toBeNull();
    expect(caseWorkRefusal(['handler'], 'escalate', 'stage_1')).toBeNull();
    expect(caseWorkRefusal(['agent'], 'escalate', 'stage_1')).not.toBeNull();
  });

  it('answers for every piece of work the case view offers', () => {
    expect(Object.keys(permittedRoles('stage_2')).sort()).toEqual([...CASE_WORK].sort());
  });
});
