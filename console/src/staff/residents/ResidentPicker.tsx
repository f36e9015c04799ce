// Choose the resident a contact is about: search by name, postcode, phone number or tenancy
// reference, or add someone not on file. It lives inside other forms, so it never submits one
// (Enter in the search box searches).
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import type { TResidentSummary } from '@complaints/server/schemas';
import { api } from '../../shared/api.ts';
import { FormError } from '../../shared/useFormSubmit.tsx';
import { FieldError, describedBy, fieldErrorsOf, type FieldErrors } from '../triage/fieldErrors.tsx';

export interface PickedResident {
  id: string;
  label: string;
}

export function describeResident(resident: TResidentSummary): string {
  const name = resident.preferredName ?? resident.fullName ?? 'No name recorded';
  const details = [resident.postcode, resident.tenancyReference, ...resident.phones].filter(Boolean);
  return details.length ? `${name} (${details.join(', ')})` : name;
}

interface Props {
  value: PickedResident | null;
  onChange: (resident: PickedResident | null) => void;
  /** The server's message when the form was refused for want of a resident. */
  error?: string;
  legend?: string;
}

export function ResidentPicker({ value, onChange, error, legend = 'Resident' }: Props) {
  const id = useId();
  const [query, setQuery] = useState('');
  const [results, setResults] = useState<TResidentSummary[]>();
  const [problem, setProblem] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [adding, setAdding] = useState(false);
  const chosenRef = useRef<HTMLParagraphElement>(null);
  const focusChosen = useRef(false);

  useEffect(() => {
    if (value && focusChosen.current) chosenRef.current?.focus();
    focusChosen.current = false;
  }, [value]);

  const choose = (resident: PickedResident) => {
    focusChosen.current = true;
    setResults(undefined);
    setAdding(false);
    onChange(resident);
  };

  const search = async () => {
    setBusy(true);
    setProblem(undefined);
    try {
      const answer = await api<{ residents: TResidentSummary[] }>(`/residents?q=${encodeURIComponent(query)}`);
      setResults(answer.residents);
    } catch (caught) {
      setResults(undefined);
      setProblem((caught as Error).message.replace(/^q: /, ''));
    } finally {
      setBusy(false);
    }
  };

  const onSearchKey = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    void search();
  };

  if (value) {
    return (
      <fieldset className="resident-picker">
        <legend>{legend}</legend>
        <p ref={chosenRef} tabIndex={-1} className="chosen">
          <span className="strong">{value.label}</span>
        </p>
        <button type="button" className="secondary" onClick={() => onChange(null)}>
          Choose a different resident
        </button>
      </fieldset>
    );
  }

  const errorId = `${id}-picker-error`;
  return (
    <fieldset className="resident-picker" aria-describedby={error ? errorId : undefined}>
      <legend>{legend}</legend>
      {error && (
        <p id={errorId} className="error field-error">
          {error}
        </p>
      )}
      <label htmlFor={`${id}-search`}>Find a resident</label>
      <p className="hint" id={`${id}-search-hint`}>
        Name, postcode, phone number or tenancy reference
      </p>
      <div className="inline-row">
        <input id={`${id}-search`} type="search" value={query} onChange={(e) => setQuery(e.target.value)} onKeyDown={onSearchKey} aria-describedby={`${id}-search-hint`} />
        <button type="button" onClick={() => void search()} disabled={busy}>
          Search
        </button>
      </div>
      <FormError error={problem} />
      <div role="status">{results && <p>{results.length === 0 ? 'No residents match that search.' : `${results.length} ${results.length === 1 ? 'resident matches' : 'residents match'}.`}</p>}</div>
      {results && results.length > 0 && (
        <ul className="picker-results">
          {results.map((resident) => (
            <li key={resident.id}>
              <button type="button" className="secondary" onClick={() => choose({ id: resident.id, label: describeResident(resident) })}>
                Choose {describeResident(resident)}
              </button>
            </li>
          ))}
        </ul>
      )}
      <button type="button" className="secondary" aria-expanded={adding} onClick={() => setAdding((open) => !open)}>
        Add a new resident
      </button>
      {adding && <NewResident onAdded={(resident) => choose({ id: resident.id, label: describeResident(resident) })} />}
    </fieldset>
  );
}

const NEW_FIELDS = [
  { field: 'fullName', label: 'Full name', autoComplete: 'off' },
  { field: 'postcode', label: 'Postcode (optional)', autoComplete: 'off' },
  { field: 'phone', label: 'Phone number (optional)', autoComplete: 'off' },
  { field: 'tenancyReference', label: 'Tenancy reference (optional)', autoComplete: 'off' },
] as const;

function NewResident({ onAdded }: { onAdded: (resident: TResidentSummary) => void }) {
  const id = useId();
  const [values, setValues] = useState<Record<string, string>>({});
  const [errors, setErrors] = useState<FieldErrors>({});
  const [problem, setProblem] = useState<string>();
  const [busy, setBusy] = useState(false);
  const firstRef = useRef<HTMLInputElement>(null);
  useEffect(() => firstRef.current?.focus(), []);

  const add = async () => {
    setBusy(true);
    setProblem(undefined);
    try {
      onAdded(await api<TResidentSummary>('/residents', { method: 'POST', body: values }));
    } catch (caught) {
      setErrors(fieldErrorsOf(caught));
      setProblem((caught as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="new-resident">
      {NEW_FIELDS.map(({ field, label, autoComplete }, index) => {
        const inputId = `${id}-${field}`;
        return (
          <div key={field}>
            <label htmlFor={inputId}>{label}</label>
            <input
              ref={index === 0 ? firstRef : undefined}
              id={inputId}
              autoComplete={autoComplete}
              value={values[field] ?? ''}
              onChange={(e) => setValues((current) => ({ ...current, [field]: e.target.value }))}
              onKeyDown={(e) => {
                if (e.key === 'Enter') {
                  e.preventDefault();
                  void add();
                }
              }}
              {...describedBy(inputId, errors, field)}
            />
            <FieldError id={inputId} errors={errors} field={field} />
          </div>
        );
      })}
      <FormError error={problem} />
      <button type="button" onClick={() => void add()} disabled={busy}>
        Add resident
      </button>
    </div>
  );
}
