// Labelled form controls with their hint and error tied to them (aria-describedby, aria-invalid),
// so a screen reader announces what is wrong where it is wrong.
import type { ReactNode } from 'react';

interface Common {
  id: string;
  label: string;
  hint?: ReactNode;
  error?: string;
  required?: boolean;
}

function describedBy(id: string, hint: unknown, error: unknown): string | undefined {
  return [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
}

function Extras({ id, hint, error }: Pick<Common, 'id' | 'hint' | 'error'>) {
  return (
    <>
      {hint && (
        <p id={`${id}-hint`} className="hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="field-error">
          <span className="visually-hidden">Error: </span>
          {error}
        </p>
      )}
    </>
  );
}

function Label({ id, label, required }: Pick<Common, 'id' | 'label' | 'required'>) {
  return (
    <label htmlFor={id}>
      {label}
      {required === false && <span className="optional"> (optional)</span>}
    </label>
  );
}

/** What every single control needs to be tied to its label, hint and error. */
interface ControlProps {
  id: string;
  'aria-describedby': string | undefined;
  'aria-invalid': true | undefined;
  'aria-required': true | undefined;
}

function FieldFrame(props: Common & { className?: string; control: (control: ControlProps) => ReactNode }) {
  const { id, hint, error, className, control } = props;
  return (
    <div className={`field${error ? ' has-error' : ''} ${className ?? ''}`}>
      <Label {...props} />
      <Extras id={id} hint={hint} error={error} />
      {control({ id, 'aria-describedby': describedBy(id, hint, error), 'aria-invalid': error ? true : undefined, 'aria-required': props.required || undefined })}
    </div>
  );
}

export function TextField(props: Common & { value: string; onChange: (value: string) => void; type?: 'text' | 'number' | 'date'; inputMode?: 'numeric' | 'decimal'; className?: string }) {
  const { value, onChange, type = 'text', inputMode } = props;
  return <FieldFrame {...props} control={(control) => <input {...control} type={type} inputMode={inputMode} value={value} onChange={(event) => onChange(event.target.value)} />} />;
}

export function TextArea(props: Common & { value: string; onChange: (value: string) => void; rows?: number }) {
  const { value, onChange, rows = 4 } = props;
  return <FieldFrame {...props} control={(control) => <textarea {...control} rows={rows} value={value} onChange={(event) => onChange(event.target.value)} />} />;
}

export function SelectField(
  props: Common & { value: string; onChange: (value: string) => void; options: readonly { value: string; label: string }[]; placeholder?: string },
) {
  const { value, onChange, options, placeholder } = props;
  return (
    <FieldFrame
      {...props}
      control={(control) => (
        <select {...control} value={value} onChange={(event) => onChange(event.target.value)}>
          {placeholder !== undefined && <option value="">{placeholder}</option>}
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    />
  );
}

export function RadioGroup(
  props: Omit<Common, 'id'> & { name: string; value: string; onChange: (value: string) => void; options: readonly { value: string; label: string }[] },
) {
  const { name, label, hint, error, value, onChange, options } = props;
  const id = `${name}-group`;
  return (
    <fieldset className={`field${error ? ' has-error' : ''}`} aria-describedby={describedBy(id, hint, error)}>
      <legend>{label}</legend>
      <Extras id={id} hint={hint} error={error} />
      {options.map((option) => (
        <div className="checkbox" key={option.value}>
          <input id={`${name}-${option.value}`} type="radio" name={name} value={option.value} checked={value === option.value} onChange={() => onChange(option.value)} />
          <label htmlFor={`${name}-${option.value}`}>{option.label}</label>
        </div>
      ))}
    </fieldset>
  );
}

export function Checkbox(props: Omit<Common, 'required'> & { checked: boolean; onChange: (checked: boolean) => void }) {
  const { id, label, hint, error, checked, onChange } = props;
  return (
    <div className={`field${error ? ' has-error' : ''}`}>
      <Extras id={id} hint={hint} error={error} />
      <div className="checkbox">
        <input id={id} type="checkbox" checked={checked} onChange={(event) => onChange(event.target.checked)} aria-describedby={describedBy(id, hint, error)} />
        <label htmlFor={id}>{label}</label>
      </div>
    </div>
  );
}
