// /admin/settings: the number of homes (TSM CH01's denominator) for complaints officers and
// admins, and the retention period (when personal data is anonymised) for admins.
import { useCallback, useEffect, useState } from 'react';
import { MAX_RETENTION_MONTHS, MIN_RETENTION_MONTHS, type TLandlordSettings, type TStaffSessionUser } from '@complaints/server/schemas';
import { api } from '../../shared/api.ts';
import { FormError, useFormSubmit } from '../../shared/useFormSubmit.tsx';
import { PageHeading } from '../PageHeading.tsx';

function SettingForm(props: {
  id: string;
  label: string;
  hint: string;
  value: number | null;
  version: number;
  path: string;
  field: 'homes' | 'months';
  min: number;
  max: number;
  onSaved: (settings: TLandlordSettings, message: string) => void;
}) {
  const { onSubmit, error, busy } = useFormSubmit(async (form) => {
    const raw = String(form.get(props.field) ?? '').trim();
    const value = raw === '' ? undefined : Number(raw);
    const saved = await api<TLandlordSettings>(props.path, { method: 'PUT', body: { [props.field]: value, version: props.version } });
    props.onSaved(saved, `${props.label} saved.`);
  });
  return (
    <form onSubmit={onSubmit} noValidate className="narrow">
      <label htmlFor={props.id}>{props.label}</label>
      <p className="hint" id={`${props.id}-hint`}>
        {props.hint}
      </p>
      <input id={props.id} name={props.field} inputMode="numeric" defaultValue={props.value ?? ''} aria-describedby={`${props.id}-hint`} min={props.min} max={props.max} key={props.version} />
      <FormError error={error} />
      <button type="submit" disabled={busy}>
        {busy ? 'Saving…' : `Save ${props.label.toLowerCase()}`}
      </button>
    </form>
  );
}

export function SettingsScreen({ user }: { user: TStaffSessionUser }) {
  const [settings, setSettings] = useState<TLandlordSettings>();
  const [message, setMessage] = useState('');
  const [error, setError] = useState<string>();
  const load = useCallback(() => {
    api<TLandlordSettings>('/settings')
      .then(setSettings)
      .catch((caught: unknown) => setError((caught as Error).message));
  }, []);
  useEffect(load, [load]);
  const saved = (next: TLandlordSettings, text: string) => {
    setSettings(next);
    setMessage(text);
  };
  const isAdmin = user.roles.includes('admin');
  return (
    <>
      <PageHeading>Settings</PageHeading>
      <p role="status">{message}</p>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {settings && (
        <>
          <section aria-labelledby="homes-heading">
            <h2 id="homes-heading">Reports</h2>
            <SettingForm
              id="setting-homes"
              label="Number of homes"
              hint="Homes you own or manage: the Regulator's CH01 counts complaints per 1,000 homes."
              value={settings.homes.value}
              version={settings.homes.version}
              path="/settings/homes"
              field="homes"
              min={1}
              max={2_000_000}
              onSaved={saved}
            />
          </section>
          <section aria-labelledby="retention-heading">
            <h2 id="retention-heading">Data protection</h2>
            {isAdmin ? (
              <SettingForm
                id="setting-retention"
                label="Retention period in months"
                hint={`A resident's personal details are anonymised this many months after their last complaint closes (${MIN_RETENTION_MONTHS} to ${MAX_RETENTION_MONTHS}). Report figures do not change.`}
                value={settings.retentionMonths.value}
                version={settings.retentionMonths.version}
                path="/settings/retention"
                field="months"
                min={MIN_RETENTION_MONTHS}
                max={MAX_RETENTION_MONTHS}
                onSaved={saved}
              />
            ) : (
              <p>
                Personal details are anonymised {settings.retentionMonths.value} months after a resident's last complaint closes. An administrator can change this.
              </p>
            )}
          </section>
        </>
      )}
    </>
  );
}
