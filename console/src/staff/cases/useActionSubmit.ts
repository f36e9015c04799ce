// Every case action submits the same way: checked first against the shared zod schema (field by
// field), then sent; the server's answer is the case, applied through the case view, and the
// outcome announced (focus moves there, as the form itself may no longer apply). The server checks
// everything again, and the engine has the last word (422, shown at the field it names).
import { useState, type FormEvent } from 'react';
import type { z } from 'zod';
import type { TComplaintView } from '@complaints/server/schemas';
import { api } from '../../shared/api.ts';
import { formErrorsFrom, issuesToFieldErrors, type FormErrors } from './formErrors.ts';
import { useCaseContext } from './useCase.ts';

const NO_ERRORS: FormErrors = { fields: {} };

export type Send = string | { path: string; method: 'PUT' } | ((body: unknown) => Promise<TComplaintView>);

function sender(send: Send): (body: unknown) => Promise<TComplaintView> {
  if (typeof send === 'function') return send;
  const { path, method } = typeof send === 'string' ? { path: send, method: 'POST' } : send;
  return (body) => api<TComplaintView>(path, { method, body });
}

export function useActionSubmit(
  schema: z.ZodType,
  send: Send,
  success: string | ((complaint: TComplaintView) => string),
  options: { keepActionOpen?: boolean } = {},
) {
  const { save, announce } = useCaseContext();
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [busy, setBusy] = useState(false);

  const submit = async (body: unknown) => {
    const checked = schema.safeParse(body);
    if (!checked.success) {
      setErrors({ form: 'Some answers need attention: see the messages by each field.', fields: issuesToFieldErrors(checked.error.issues) });
      return;
    }
    setBusy(true);
    setErrors(NO_ERRORS);
    try {
      const complaint = await save(() => sender(send)(body));
      announce(typeof success === 'string' ? success : success(complaint), options);
    } catch (caught) {
      setErrors(formErrorsFrom(caught));
    } finally {
      setBusy(false);
    }
  };

  const onSubmit = (body: () => unknown) => (event: FormEvent) => {
    event.preventDefault();
    void submit(body());
  };

  return { errors, busy, onSubmit };
}
