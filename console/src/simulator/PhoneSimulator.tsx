// Development only: play a resident texting the bot by SMS or WhatsApp from a fictional number.
// Each message goes to the server, which signs it as Twilio would and posts it to its own real
// webhook; the bot's replies come back through the simulated Twilio, live (server-sent events).
import { useEffect, useId, useRef, useState } from 'react';
import {
  SIMULATED_BOT_NUMBER,
  ZSimulatedPhoneSchema,
  ZSimulatedThreadSchema,
  type TSimulatedChannel,
  type TSimulatedMessage,
  type TSimulatedThread,
} from '@complaints/server/schemas';
import { FormError, useFormSubmit } from '../shared/useFormSubmit.tsx';

const CHANNEL_NAMES: Record<TSimulatedChannel, string> = { sms: 'SMS', whatsapp: 'WhatsApp' };
const STATUS_TEXT: Record<TSimulatedMessage['status'], string> = {
  sending: 'Sending…',
  received: 'Received by the server',
  rejected: 'Refused by the webhook',
  queued: 'Queued',
  sent: 'Sent',
  delivered: 'Delivered',
};

/** +447700900123 → 07700 900123, as a UK phone shows it. */
const national = (e164: string) => `0${e164.slice(3, 7)} ${e164.slice(7)}`;

function useThread(channel: TSimulatedChannel, phone: string | undefined): TSimulatedThread | undefined {
  const [thread, setThread] = useState<TSimulatedThread>();
  useEffect(() => {
    setThread(undefined);
    if (!phone) return;
    const source = new EventSource(`/simulator/api/events?${new URLSearchParams({ channel, phone })}`);
    source.addEventListener('thread', (event) => {
      const parsed = ZSimulatedThreadSchema.safeParse(JSON.parse((event as MessageEvent<string>).data));
      if (parsed.success) setThread(parsed.data);
    });
    return () => source.close();
  }, [channel, phone]);
  return thread;
}

async function send(channel: TSimulatedChannel, phone: string, body: string, photo: boolean): Promise<void> {
  const response = await fetch('/simulator/api/messages', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ channel, phone, body, photo }),
  });
  if (!response.ok) {
    const data = (await response.json().catch(() => ({}))) as { error?: { message?: string } };
    throw new Error(data.error?.message ?? `The server answered ${response.status}.`);
  }
}

export function PhoneSimulator() {
  const ids = useId();
  const [channel, setChannel] = useState<TSimulatedChannel>('sms');
  const [phoneInput, setPhoneInput] = useState('07700 900123');
  const phone = ZSimulatedPhoneSchema.safeParse(phoneInput);
  const thread = useThread(channel, phone.success ? phone.data : undefined);
  const messageRef = useRef<HTMLInputElement>(null);
  const [photo, setPhoto] = useState(false);
  const { onSubmit, error, busy } = useFormSubmit(async (form, element) => {
    await send(channel, phoneInput, String(form.get('message') ?? ''), photo);
    element.reset();
    setPhoto(false);
    messageRef.current?.focus();
  });

  return (
    <main className="wide">
      <h1>Phone simulator</h1>
      <p className="hint">
        Development only. Text the bot as a resident would, by SMS or WhatsApp, without Twilio. Each message goes through the server's real Twilio webhook; the
        bot's replies come back here. Nothing is sent to a real phone.
      </p>

      <form onSubmit={onSubmit} aria-describedby={`${ids}-about`}>
        <p id={`${ids}-about`} className="visually-hidden">
          Choose a channel and a fictional phone number, then type a message and send it.
        </p>
        <fieldset>
          <legend>Channel</legend>
          {(Object.keys(CHANNEL_NAMES) as TSimulatedChannel[]).map((value) => (
            <div className="checkbox" key={value}>
              <input type="radio" id={`${ids}-${value}`} name="channel" value={value} checked={channel === value} onChange={() => setChannel(value)} />
              <label htmlFor={`${ids}-${value}`}>{CHANNEL_NAMES[value]}</label>
            </div>
          ))}
        </fieldset>

        <label htmlFor={`${ids}-phone`}>Your phone number</label>
        <p className="hint" id={`${ids}-phone-hint`}>
          A fictional number from 07700 900001 to 07700 900999. Each number is a separate resident.
        </p>
        <input
          id={`${ids}-phone`}
          name="phone"
          inputMode="tel"
          autoComplete="off"
          value={phoneInput}
          onChange={(event) => setPhoneInput(event.target.value)}
          aria-describedby={`${ids}-phone-hint${phone.success ? '' : ` ${ids}-phone-error`}`}
          aria-invalid={!phone.success}
        />
        {!phone.success && (
          <p className="error" id={`${ids}-phone-error`}>
            {phone.error.issues[0]?.message}
          </p>
        )}

        <h2 id={`${ids}-conversation`}>
          {CHANNEL_NAMES[channel]} conversation with the bot ({national(SIMULATED_BOT_NUMBER)})
        </h2>
        <div role="log" aria-live="polite" aria-relevant="additions" aria-labelledby={`${ids}-conversation`}>
          <ol className="thread">
            {(thread?.messages ?? []).map((message) => (
              <li key={message.sid} className={message.from === 'bot' ? 'from-bot' : 'from-resident'}>
                <span className="visually-hidden">{message.from === 'bot' ? 'Bot said:' : 'You said:'}</span>
                {message.photo && <p className="photo">[Sample photo: a damp patch]</p>}
                {message.body && <p>{message.body}</p>}
                <span className="meta">
                  {message.from === 'bot' ? 'Bot' : 'You'} · {STATUS_TEXT[message.status]}
                </span>
              </li>
            ))}
          </ol>
        </div>
        {thread && thread.messages.length === 0 && <p className="muted">No messages yet. Say hello.</p>}

        <div className="send-row">
          <div className="grow">
            <label htmlFor={`${ids}-message`}>Message</label>
            <input id={`${ids}-message`} name="message" ref={messageRef} autoComplete="off" maxLength={1600} required={!photo} />
          </div>
          <button type="submit" disabled={busy || !phone.success}>
            Send
          </button>
        </div>
        <div className="checkbox">
          <input type="checkbox" id={`${ids}-photo`} name="photo" checked={photo} onChange={(event) => setPhoto(event.target.checked)} />
          <label htmlFor={`${ids}-photo`}>Attach a sample photo (a damp patch)</label>
        </div>
        <FormError error={error} />
      </form>
    </main>
  );
}
