import type { FormErrors } from './formErrors.ts';

/** The form-level message: announced when it appears. */
export function FormAlert({ errors }: { errors: FormErrors }) {
  if (!errors.form) return null;
  return (
    <p role="alert" className="error">
      {errors.form}
    </p>
  );
}
