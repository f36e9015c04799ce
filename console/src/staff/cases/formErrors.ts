// Errors placed next to the field they are about: zod issues from the shared schema (checked in
// the browser before sending, and again by the server on 400), and the engine's 422s whose code
// names a field. Everything else is shown for the whole form.
import { ApiError } from '../../shared/api.ts';

export type FieldErrors = Record<string, string>;

interface Issue {
  path: readonly PropertyKey[];
  message: string;
}

export const fieldKey = (path: readonly PropertyKey[]) => path.map(String).join('.');

export function issuesToFieldErrors(issues: readonly Issue[]): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) {
    const key = fieldKey(issue.path);
    errors[key] ??= issue.message;
  }
  return errors;
}

/** The engine's rule codes (server/src/domain/lifecycle/violations.ts) that belong to one field. */
const RULE_FIELDS: Record<string, string> = {
  extension_needs_good_reason: 'goodReason',
  extension_reason_required: 'reason',
  handler_not_independent: 'handlerId',
  remedy_required: 'remedies',
  refusal_incomplete: 'explanation',
  closure_incomplete: 'learning',
};

export interface FormErrors {
  form?: string;
  fields: FieldErrors;
}

function isIssueList(value: unknown): value is Issue[] {
  return Array.isArray(value) && value.every((item) => item && typeof item === 'object' && Array.isArray((item as Issue).path));
}

/** Where to show an error from the API. 409s are the case view's (the stale-case notice). */
export function formErrorsFrom(error: unknown): FormErrors {
  if (error instanceof ApiError && error.status === 400 && isIssueList(error.details)) {
    return { form: 'Some answers need attention: see the messages by each field.', fields: issuesToFieldErrors(error.details) };
  }
  if (error instanceof ApiError && error.status === 422) {
    const code = (error.details as { code?: string } | undefined)?.code;
    const field = code ? RULE_FIELDS[code] : undefined;
    return { form: error.message, fields: field ? { [field]: error.message } : {} };
  }
  return { form: (error as Error).message, fields: {} };
}
