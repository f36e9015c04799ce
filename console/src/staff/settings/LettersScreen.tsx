// /admin/letters: what administrators may change in every letter: how residents reach the
// complaints team, who signs, and an opening paragraph per kind of letter. The sections the Code
// requires are the engine's and are not offered here; the preview renders a made-up letter exactly
// as a real one would be, so the administrator sees where their words go.
import { useCallback, useEffect, useRef, useState } from 'react';
import {
  TEMPLATE_LETTER_KINDS,
  TEMPLATE_LETTER_LABELS,
  ZLetterTemplateSchema,
  type TLetterTemplate,
  type TLetterTemplatePreview,
  type TLetterTemplateSettings,
} from '@complaints/server/schemas';
import { api, ApiError } from '../../shared/api.ts';
import { PageHeading } from '../PageHeading.tsx';
import { SelectField, TextArea, TextField } from '../cases/Field.tsx';
import { formErrorsFrom, issuesToFieldErrors, type FormErrors } from '../cases/formErrors.ts';
import '../cases/cases.css';
import '../cases/caseView.css';

type Kind = (typeof TEMPLATE_LETTER_KINDS)[number];

interface Draft {
  complaintsTeam: string;
  phone: string;
  email: string;
  website: string;
  /** One line per entry, as typed. */
  address: string;
  signatoryName: string;
  signatoryTitle: string;
  openings: Record<Kind, string>;
}

function draftOf(template: TLetterTemplate): Draft {
  return {
    complaintsTeam: template.complaintsTeam ?? '',
    phone: template.phone ?? '',
    email: template.email ?? '',
    website: template.website ?? '',
    address: (template.address ?? []).join('\n'),
    signatoryName: template.signatoryName ?? '',
    signatoryTitle: template.signatoryTitle ?? '',
    openings: Object.fromEntries(TEMPLATE_LETTER_KINDS.map((kind) => [kind, template.openings?.[kind] ?? ''])) as Record<Kind, string>,
  };
}

/** The request body: the server trims and drops blanks (blank means "as configured"). */
function templateOf(draft: Draft) {
  return { ...draft, address: draft.address.split('\n') };
}

const NO_ERRORS: FormErrors = { fields: {} };

const KIND_OPTIONS = TEMPLATE_LETTER_KINDS.map((kind) => ({ value: kind, label: TEMPLATE_LETTER_LABELS[kind] }));

export function LettersScreen() {
  const [settings, setSettings] = useState<TLetterTemplateSettings>();
  const [draft, setDraft] = useState<Draft>();
  const [loadError, setLoadError] = useState<string>();
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [stale, setStale] = useState(false);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState('');
  const statusRef = useRef<HTMLParagraphElement>(null);
  const [kind, setKind] = useState<Kind>('acknowledgement');
  const [preview, setPreview] = useState<TLetterTemplatePreview>();
  const [previewError, setPreviewError] = useState<string>();

  const load = useCallback(() => {
    api<TLetterTemplateSettings>('/settings/letters')
      .then((answer) => {
        setSettings(answer);
        setDraft(draftOf(answer.value));
        setLoadError(undefined);
        setStale(false);
        setErrors(NO_ERRORS);
      })
      .catch((caught: unknown) => setLoadError((caught as Error).message));
  }, []);
  useEffect(load, [load]);

  const change = (patch: Partial<Draft>) => setDraft((current) => (current ? { ...current, ...patch } : current));

  /** Checked against the shared schema first, so each problem shows by its field. */
  const checked = (): boolean => {
    if (!draft) return false;
    const result = ZLetterTemplateSchema.safeParse(templateOf(draft));
    if (result.success) return true;
    setErrors({ form: 'Some answers need attention: see the messages by each field.', fields: issuesToFieldErrors(result.error.issues) });
    return false;
  };

  const save = async () => {
    if (!draft || !settings || !checked()) return;
    setBusy(true);
    setErrors(NO_ERRORS);
    try {
      const saved = await api<TLetterTemplateSettings>('/settings/letters', { method: 'PUT', body: { template: templateOf(draft), version: settings.version } });
      setSettings(saved);
      setDraft(draftOf(saved.value));
      setStatus('Letter settings saved. Letters issued from now on use them; letters already sent are unchanged.');
      requestAnimationFrame(() => statusRef.current?.focus());
    } catch (caught) {
      if (caught instanceof ApiError && caught.status === 409) setStale(true);
      setErrors(formErrorsFrom(caught));
    } finally {
      setBusy(false);
    }
  };

  const showPreview = async () => {
    if (!draft || !checked()) return;
    setErrors(NO_ERRORS);
    setPreviewError(undefined);
    try {
      setPreview(await api<TLetterTemplatePreview>('/settings/letters/preview', { method: 'POST', body: { template: templateOf(draft), kind } }));
    } catch (caught) {
      setPreviewError((caught as Error).message);
    }
  };

  if (loadError) {
    return (
      <>
        <PageHeading>Letters</PageHeading>
        <p role="alert" className="error">
          {loadError}
        </p>
      </>
    );
  }
  if (!settings || !draft) {
    return (
      <>
        <PageHeading>Letters</PageHeading>
        <p aria-busy="true">Loading…</p>
      </>
    );
  }
  const configured = settings.configured;
  const fallback = (value: string | null) => (value ? `Leave blank to use ${value} (from the server's configuration).` : 'Leave blank to leave it out.');
  const field = (key: string) => errors.fields[key];
  return (
    <>
      <PageHeading>Letters</PageHeading>
      <p>
        What you set here goes into every letter residents receive from now on. The parts the Complaint Handling Code requires — the complaint as we
        understand it, the dates, the decision and its reasons, remedies, how to escalate and the Housing Ombudsman's details — are always included and cannot
        be changed here.
      </p>
      <p role="status" ref={statusRef} tabIndex={-1}>
        {status}
      </p>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        <div className="narrow">
          <h2>Complaints team contact</h2>
          <p className="hint">Shown at the top of each letter and where residents are told how to ask for stage 2.</p>
          <TextField
            id="letters-complaintsTeam"
            label="Team name"
            required={false}
            hint={`Also used under the signature. ${fallback(configured.complaintsTeam ?? configured.landlordName)}`}
            value={draft.complaintsTeam}
            onChange={(complaintsTeam) => change({ complaintsTeam })}
            error={field('complaintsTeam')}
          />
          <TextField id="letters-phone" label="Phone" required={false} hint={fallback(configured.phone)} value={draft.phone} onChange={(phone) => change({ phone })} error={field('phone')} />
          <TextField id="letters-email" label="Email" required={false} hint={fallback(configured.email)} value={draft.email} onChange={(email) => change({ email })} error={field('email')} />
          <TextField id="letters-website" label="Website" required={false} hint={fallback(configured.website)} value={draft.website} onChange={(website) => change({ website })} error={field('website')} />
          <TextArea
            id="letters-address"
            label="Postal address"
            required={false}
            hint={`One line per row. ${fallback(configured.address.length ? configured.address.join(', ') : null)}`}
            rows={4}
            value={draft.address}
            onChange={(address) => change({ address })}
            error={field('address') ?? Object.entries(errors.fields).find(([key]) => key.startsWith('address.'))?.[1]}
          />
          <h2>Signature</h2>
          <TextField
            id="letters-signatoryName"
            label="Sign letters as"
            required={false}
            hint="For example your complaints manager. Leave blank to sign with the name of the member of staff who sends each letter."
            value={draft.signatoryName}
            onChange={(signatoryName) => change({ signatoryName })}
            error={field('signatoryName')}
          />
          <TextField
            id="letters-signatoryTitle"
            label="Job title"
            required={false}
            hint="Shown under the name, for example “Complaints Manager”."
            value={draft.signatoryTitle}
            onChange={(signatoryTitle) => change({ signatoryTitle })}
            error={field('signatoryTitle')}
          />
          <h2>Opening paragraphs</h2>
          <p className="hint">A paragraph of your own at the start of each kind of letter, before the letter's standard opening. Plain text.</p>
          {TEMPLATE_LETTER_KINDS.map((letterKind) => (
            <TextArea
              key={letterKind}
              id={`letters-opening-${letterKind}`}
              label={TEMPLATE_LETTER_LABELS[letterKind]}
              required={false}
              rows={3}
              value={draft.openings[letterKind]}
              onChange={(text) => change({ openings: { ...draft.openings, [letterKind]: text } })}
              error={field(`openings.${letterKind}`)}
            />
          ))}
          {errors.form && (
            <div role="alert" className="error">
              <p>{errors.form}</p>
              {stale && (
                <button type="button" className="secondary" onClick={load}>
                  Reload the saved settings
                </button>
              )}
            </div>
          )}
          <button type="submit" disabled={busy}>
            {busy ? 'Saving…' : 'Save letter settings'}
          </button>
        </div>
      </form>
      <section aria-labelledby="letters-preview-heading" className="letter-preview">
        <h2 id="letters-preview-heading">Preview</h2>
        <p className="hint">A made-up complaint, with what you have typed above (saved or not).</p>
        <div className="narrow">
          <SelectField id="letters-preview-kind" label="Letter" value={kind} onChange={(value) => setKind(value as Kind)} options={KIND_OPTIONS} />
          <button type="button" className="secondary" onClick={() => void showPreview()}>
            Show the preview
          </button>
        </div>
        {previewError && (
          <p role="alert" className="error">
            {previewError}
          </p>
        )}
        <p role="status" className="hint">
          {preview ? `Showing the ${TEMPLATE_LETTER_LABELS[preview.kind].toLowerCase()}.` : ''}
        </p>
        {preview && (
          <>
            <iframe className="letter-frame" title={`Letter preview: ${preview.subject}`} sandbox="" srcDoc={preview.html} />
            <h3>Text message version (SMS or WhatsApp)</h3>
            <p className="sms-text">{preview.text}</p>
          </>
        )}
      </section>
    </>
  );
}
