import { CHANNEL_LABELS } from '@complaints/server/schemas';
// A contact a member of staff logs by hand (3.1: complaints can be made in many ways): a phone
// call, letter, email or visit, recorded as a complaint or as a service request.
import { useState } from 'react';
import type { TServiceRequest } from '@complaints/server/schemas';
import { api } from '../../shared/api.ts';
import { PageHeading } from '../PageHeading.tsx';
import { ContactForm, type ContactKind, type ContactValues } from './ContactForm.tsx';
import { linkTo } from './TriageScreen.tsx';
import './triage.css';

const CONTACT_CHANNELS = ['phone', 'letter', 'email', 'in_person'] as const;
type ContactChannel = (typeof CONTACT_CHANNELS)[number];

export function LogContact() {
  const [channel, setChannel] = useState<ContactChannel>('phone');
  const [kind, setKind] = useState<ContactKind>('complaint');
  // A new form (and a fresh confirmation) whenever the choices change or "log another" is pressed.
  const [round, setRound] = useState(0);
  const [opened] = useState(() => new Date());

  const submit = async (values: ContactValues) => {
    if (kind === 'complaint') {
      const complaint = await api<{ reference: string }>('/complaints', {
        method: 'POST',
        body: { residentId: values.residentId, channel, summary: values.text, receivedAt: values.receivedAt },
      });
      return `Complaint ${complaint.reference} logged. It is now waiting to be acknowledged.`;
    }
    const request = await api<TServiceRequest>('/service-requests', {
      method: 'POST',
      body: { residentId: values.residentId, channel, description: values.text, receivedAt: values.receivedAt },
    });
    return `Service request ${request.reference} recorded.`;
  };

  return (
    <>
      <PageHeading>Log a phone call, letter, email or visit</PageHeading>
      <p>
        <a {...linkTo('/triage')}>Back to triage</a>
      </p>
      <fieldset>
        <legend>How did the resident contact us?</legend>
        {CONTACT_CHANNELS.map((value) => (
          <div className="checkbox" key={value}>
            <input type="radio" id={`contact-${value}`} name="contact-channel" value={value} checked={channel === value} onChange={() => setChannel(value)} />
            <label htmlFor={`contact-${value}`}>{CHANNEL_LABELS[value]}</label>
          </div>
        ))}
      </fieldset>
      <fieldset>
        <legend>What is it?</legend>
        <div className="checkbox">
          <input type="radio" id="contact-kind-complaint" name="contact-kind" checked={kind === 'complaint'} onChange={() => setKind('complaint')} />
          <label htmlFor="contact-kind-complaint">A complaint: they are unhappy with our service, actions or lack of action (Code 1.2)</label>
        </div>
        <div className="checkbox">
          <input type="radio" id="contact-kind-request" name="contact-kind" checked={kind === 'service_request'} onChange={() => setKind('service_request')} />
          <label htmlFor="contact-kind-request">A service request: they are asking us to do something, such as a repair (Code 1.4)</label>
        </div>
      </fieldset>
      <ContactForm key={`${kind}-${round}`} kind={kind} defaults={{ resident: null, text: '', receivedAt: opened }} submit={submit} />
      <button type="button" className="secondary" onClick={() => setRound((n) => n + 1)}>
        Start a new contact
      </button>
    </>
  );
}
