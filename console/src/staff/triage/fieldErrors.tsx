// The server's validation errors shown beside the fields they are about (zod issues carry the
// field path), with the whole message in an alert for anything that has no field on the form.
import { ApiError } from '../../shared/api.ts';

export type FieldErrors = Record<string, string>;

export function fieldErrorsOf(error: unknown): FieldErrors {
  if (!(error instanceof ApiError) || !Array.isArray(error.details)) return {};
  const errors: FieldErrors = {};
  for (const issue of error.details as { path?: unknown[]; message?: string }[]) {
    const field = issue.path?.[0];
    if (typeof field === 'string' && issue.message && !errors[field]) errors[field] = issue.message;
  }
  return errors;
}

/** Props for an input with an optional error message below it (id `${id}-error`). */
export function describedBy(id: string, errors: FieldErrors, field: string, hintId?: string) {
  const error = errors[field];
  const ids = [hintId, error ? `${id}-error` : undefined].filter(Boolean).join(' ');
  return { 'aria-invalid': error ? true : undefined, 'aria-describedby': ids || undefined } as const;
}

export function FieldError({ id, errors, field }: { id: string; errors: FieldErrors; field: string }) {
  const error = errors[field];
  if (!error) return null;
  return (
    <p id={`${id}-error`} className="error field-error">
      {error}
    </p>
  );
}
