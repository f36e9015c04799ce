// Logging a contact as a complaint or a service request: who it is about, what they said, and
// when. Used for a conversation (channel known) and for a call, letter, email or visit logged by
// hand. The server applies every rule; its refusals are shown beside the field they are about.
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { FormError } from '../../shared/useFormSubmit.tsx';
import { FieldError, describedBy, fieldErrorsOf, type FieldErrors } from './fieldErrors.tsx';
import { fromLocalInput, toLocalInput } from './format.ts';
import { ResidentPicker, type PickedResident } from '../residents/ResidentPicker.tsx';

export type ContactKind = 'complaint' | 'service_request';

export interface ContactValues {
  residentId: string;
  text: string;
  /** ISO instant, or '' when not given (the server says what is missing). */
  receivedAt: string;
}

const WORDING: Record<ContactKind, { text: string; textHint: string; when: string; whenHint: string; submit: string }> = {
  complaint: {
    text: 'The complaint, in the resident’s words',
    textHint: 'What they are unhappy about and what they want to happen.',
    when: 'When dissatisfaction was first expressed',
    whenHint: 'The Code’s timescales start here (6.2). Change it if the resident complained earlier.',
    submit: 'Log complaint',
  },
  service_request: {
    text: 'What the resident asked for',
    textHint: 'A service request is recorded and monitored; it is not a complaint (Code 1.4).',
    when: 'When the request was made',
    whenHint: 'The date and time the resident asked.',
    submit: 'Record service request',
  },
};

interface Props {
  kind: ContactKind;
  defaults: { resident: PickedResident | null; text: string; receivedAt: string | Date };
  /** Sends it; returns the confirmation to show (e.g. the new reference). */
  submit: (values: ContactValues) => Promise<string>;
}

export function ContactForm({ kind, defaults, submit }: Props) {
  const id = useId();
  const wording = WORDING[kind];
  const [resident, setResident] = useState<PickedResident | null>(defaults.resident);
  const [text, setText] = useState(defaults.text);
  const [when, setWhen] = useState(() => toLocalInput(defaults.receivedAt));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [problem, setProblem] = useState<string>();
  const [done, setDone] = useState<string>();
  const [busy, setBusy] = useState(false);
  const doneRef = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (done) doneRef.current?.focus();
  }, [done]);

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setBusy(true);
    setProblem(undefined);
    setErrors({});
    try {
      setDone(await submit({ residentId: resident?.id ?? '', text, receivedAt: fromLocalInput(when) }));
    } catch (caught) {
      const fields = fieldErrorsOf(caught);
      // The summary (complaint) and description (request) are the same box on this form.
      setErrors({ ...fields, text: fields.summary ?? fields.description ?? '' });
      setProblem((caught as Error).message);
    } finally {
      setBusy(false);
    }
  };

  if (done) {
    return (
      <p ref={doneRef} tabIndex={-1} role="status" className="confirmation">
        {done}
      </p>
    );
  }

  const textId = `${id}-text`;
  const whenId = `${id}-when`;
  const residentError = errors.residentId ?? (problem?.startsWith('residentId:') ? problem.slice('residentId:'.length).trim() : undefined);
  return (
    <form onSubmit={onSubmit} noValidate className="contact-form">
      <ResidentPicker value={resident} onChange={setResident} error={residentError} />
      <label htmlFor={textId}>{wording.text}</label>
      <p className="hint" id={`${textId}-hint`}>
        {wording.textHint}
      </p>
      <textarea id={textId} rows={6} value={text} onChange={(e) => setText(e.target.value)} {...describedBy(textId, errors, 'text', `${textId}-hint`)} />
      <FieldError id={textId} errors={errors} field="text" />
      <label htmlFor={whenId}>{wording.when}</label>
      <p className="hint" id={`${whenId}-hint`}>
        {wording.whenHint}
      </p>
      <input id={whenId} type="datetime-local" value={when} onChange={(e) => setWhen(e.target.value)} {...describedBy(whenId, errors, 'receivedAt', `${whenId}-hint`)} />
      <FieldError id={whenId} errors={errors} field="receivedAt" />
      <FormError error={problem} />
      <button type="submit" disabled={busy}>
        {wording.submit}
      </button>
    </form>
  );
}
