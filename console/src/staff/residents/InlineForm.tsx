// A button that opens a small form in place, and closes it once the server has accepted it. The
// server's message (a 400, a 409 naming who changed it, a Code rule) shows in the form.
import { useState, type ReactNode } from 'react';
import { FormError, useFormSubmit } from '../../shared/useFormSubmit.tsx';
import { formValues } from './panelSave.ts';

export function InlineForm({
  open: openLabel,
  label,
  submitLabel = 'Save',
  submit,
  children,
}: {
  /** What the button that opens the form says (may carry visually hidden context). */
  open: ReactNode;
  /** The form's accessible name. */
  label: string;
  submitLabel?: string;
  submit: (values: Record<string, string>) => Promise<void>;
  children: ReactNode;
}) {
  const [open, setOpen] = useState(false);
  const { onSubmit, error, busy } = useFormSubmit(async (form) => {
    await submit(formValues(form));
    setOpen(false);
  });
  if (!open) {
    return (
      <button type="button" className="secondary" onClick={() => setOpen(true)}>
        {openLabel}
      </button>
    );
  }
  return (
    <form onSubmit={onSubmit} noValidate className="inline-form" aria-label={label}>
      {children}
      <FormError error={error} />
      <div className="actions">
        <button type="submit" disabled={busy}>
          {submitLabel}
        </button>
        <button type="button" className="secondary" onClick={() => setOpen(false)}>
          Cancel
        </button>
      </div>
    </form>
  );
}
