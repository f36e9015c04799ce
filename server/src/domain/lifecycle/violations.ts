// The one error the engine throws: a command the Code does not allow, naming the provision.

export type CodeRuleCode =
  | 'invalid_transition'
  | 'definition_incomplete'
  | 'handler_required'
  | 'handler_not_independent'
  | 'extension_reason_required'
  | 'extension_invalid'
  | 'extension_needs_good_reason'
  | 'response_incomplete'
  | 'remedy_incomplete'
  | 'action_incomplete'
  | 'remedy_required'
  | 'two_stages_only'
  | 'escalation_invalid'
  | 'refusal_not_automatic'
  | 'refusal_incomplete'
  | 'refusal_not_allowed'
  | 'closure_incomplete'
  | 'new_case_required'
  | 'item_not_found'
  | 'item_already_done'
  | 'receipt_invalid';

/** A command the Code does not allow. The message starts with the provision, e.g. "6.13: …". */
export class CodeRuleViolation extends Error {
  override readonly name = 'CodeRuleViolation';
  readonly code: CodeRuleCode;
  readonly provision: string;

  constructor(code: CodeRuleCode, provision: string, detail: string) {
    super(`${provision}: ${detail}`);
    this.code = code;
    this.provision = provision;
  }
}

export function isCodeRuleViolation(error: unknown): error is CodeRuleViolation {
  return error instanceof CodeRuleViolation;
}

export function violate(code: CodeRuleCode, provision: string, detail: string): never {
  throw new CodeRuleViolation(code, provision, detail);
}
