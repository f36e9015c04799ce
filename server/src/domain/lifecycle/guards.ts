// Guards shared by several operations.
import type { Stage } from '../deadlines.ts';
import type { CaseSnapshot, ComplaintDefinition } from './caseSnapshot.ts';
import { violate } from './violations.ts';

export const isBlank = (value: string | null | undefined): boolean => value == null || value.trim() === '';

export function stageProvision(stage: Stage, stage1: string, stage2: string): string {
  return stage === 'stage_1' ? stage1 : stage2;
}

export function assertDefinition(definition: ComplaintDefinition | null | undefined): asserts definition is ComplaintDefinition {
  if (!definition || isBlank(definition.understanding) || isBlank(definition.outcomesSought)) {
    violate(
      'definition_incomplete',
      '5.6',
      "the complaint definition needs the landlord's understanding of the complaint and the outcomes the resident is seeking (ask the resident if either is unclear)",
    );
  }
  if (isBlank(definition.inResponsibility) || isBlank(definition.outOfResponsibility)) {
    violate(
      'definition_incomplete',
      '5.7',
      'say which aspects of the complaint the landlord is responsible for and which it is not (write "none" if every aspect is ours)',
    );
  }
}

export function trimDefinition(d: ComplaintDefinition): ComplaintDefinition {
  return {
    understanding: d.understanding.trim(),
    outcomesSought: d.outcomesSought.trim(),
    inResponsibility: d.inResponsibility.trim(),
    outOfResponsibility: d.outOfResponsibility.trim(),
  };
}

/** 6.13: nobody who considered stage 1 may handle or decide stage 2. */
export function assertIndependentOfStage1(c: CaseSnapshot, personId: string | null | undefined, role: string): void {
  if (personId != null && personId === c.stage1.handlerId) {
    violate('handler_not_independent', '6.13', `the stage 2 ${role} must not be the stage 1 handler`);
  }
}
