// 6.8: a new issue raised while a complaint is open either joins it or becomes a new (linked) case.
import type { CaseSnapshot, ComplaintDefinition, RelatedIssueRecord } from './caseSnapshot.ts';
import { change } from './eventBuilders.ts';
import { assertDefinition, isBlank, trimDefinition } from './guards.ts';
import type { OperationContext, Transition } from './operation.ts';
import { violate } from './violations.ts';

export interface NewIssue {
  /** Is the new issue related to the issues already being investigated? */
  related: boolean;
  /** Would adding it unreasonably delay the stage 1 response? */
  wouldUnreasonablyDelay?: boolean;
}

export type NewIssueRoute =
  | { route: 'add_to_case' }
  | { route: 'new_case'; relatedToId: string | null; reason: string };

/**
 * 6.8: a related issue raised before the stage 1 response joins the complaint; after it, or if
 * unrelated, or if it would unreasonably delay the response, it is a new complaint (linked to
 * this one when related).
 */
export function routeNewIssue(c: CaseSnapshot, issue: NewIssue): NewIssueRoute {
  const beforeStage1Response = c.stage === 'stage_1' && (c.status === 'received' || c.status === 'acknowledged');
  if (!issue.related) return { route: 'new_case', relatedToId: null, reason: 'the new issue is not related to this complaint' };
  if (!beforeStage1Response) {
    return { route: 'new_case', relatedToId: c.id, reason: 'the stage 1 response has already been issued (or the case is refused)' };
  }
  if (issue.wouldUnreasonablyDelay) {
    return { route: 'new_case', relatedToId: c.id, reason: 'adding it would unreasonably delay the stage 1 response' };
  }
  return { route: 'add_to_case' };
}

export interface AddRelatedIssueInput extends NewIssue {
  description: string;
  raisedAt?: Date | null;
  /** Once acknowledged, the definition must be updated to cover the new issue (5.6). */
  definition?: ComplaintDefinition | null;
}

export function addRelatedIssue(c: CaseSnapshot, input: AddRelatedIssueInput, ctx: OperationContext): Transition {
  const route = routeNewIssue(c, input);
  if (route.route === 'new_case') {
    violate('new_case_required', '6.8', `log this as a new complaint${route.relatedToId ? ' linked to this one' : ''}: ${route.reason}`);
  }
  if (isBlank(input.description)) violate('new_case_required', '6.8', 'describe the new issue');
  const s = c.stage1;
  let definition = s.definition;
  if (c.status === 'acknowledged') {
    if (!input.definition) {
      violate('definition_incomplete', '5.6', 'update the complaint definition so that it covers the new issue');
    }
    assertDefinition(input.definition);
    definition = trimDefinition(input.definition);
  }
  const issue: RelatedIssueRecord = { description: input.description.trim(), raisedAt: input.raisedAt ?? ctx.now };
  const snapshot: CaseSnapshot = {
    ...c,
    stage1: { ...s, definition },
    relatedIssues: [...c.relatedIssues, issue],
  };
  return {
    snapshot,
    events: [
      change(c, ctx, 'complaint.related_issue_added', { definition: s.definition }, { definition, issue }),
    ],
  };
}
