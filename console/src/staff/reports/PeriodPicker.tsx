// Choose the period the figures cover. Presets apply at once; a custom period applies when both
// dates are entered and "Show figures" is pressed.
import { useState, type FormEvent } from 'react';
import type { TPeriodPreset } from '@complaints/server/schemas';

export interface PeriodChoice {
  period: TPeriodPreset;
  from?: string;
  to?: string;
}

const PRESETS: { value: TPeriodPreset; label: string }[] = [
  { value: 'this_quarter', label: 'This quarter' },
  { value: 'last_quarter', label: 'Last quarter' },
  { value: 'this_year', label: 'This reporting year (April to March)' },
  { value: 'last_year', label: 'Last reporting year' },
  { value: 'custom', label: 'Choose dates' },
];

export function periodQuery(choice: PeriodChoice): string {
  const params = new URLSearchParams({ period: choice.period });
  if (choice.period === 'custom') {
    params.set('from', choice.from ?? '');
    params.set('to', choice.to ?? '');
  }
  return params.toString();
}

export function PeriodPicker({ value, onChange }: { value: PeriodChoice; onChange: (choice: PeriodChoice) => void }) {
  const [preset, setPreset] = useState<TPeriodPreset>(value.period);
  const [from, setFrom] = useState(value.from ?? '');
  const [to, setTo] = useState(value.to ?? '');
  const choose = (next: TPeriodPreset) => {
    setPreset(next);
    if (next !== 'custom') onChange({ period: next });
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onChange(preset === 'custom' ? { period: 'custom', from, to } : { period: preset });
  };
  return (
    <form onSubmit={submit} className="period-picker" aria-label="Period">
      <fieldset>
        <legend>Period</legend>
        <div className="period-options">
          {PRESETS.map((p) => (
            <div className="checkbox" key={p.value}>
              <input type="radio" id={`period-${p.value}`} name="period" value={p.value} checked={preset === p.value} onChange={() => choose(p.value)} />
              <label htmlFor={`period-${p.value}`}>{p.label}</label>
            </div>
          ))}
        </div>
      </fieldset>
      {preset === 'custom' && (
        <div className="period-dates">
          <div>
            <label htmlFor="period-from">From</label>
            <input id="period-from" type="date" value={from} onChange={(event) => setFrom(event.target.value)} required />
          </div>
          <div>
            <label htmlFor="period-to">To</label>
            <input id="period-to" type="date" value={to} onChange={(event) => setTo(event.target.value)} required />
          </div>
          <button type="submit">Show figures</button>
        </div>
      )}
    </form>
  );
}
