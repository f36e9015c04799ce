// Every conversation path against a real database (PGlite, and PostgreSQL when configured).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '@complaints/db/testing';
import { createResident } from '@complaints/db/factories';
import type { Classification } from '../detector/index.ts';
import type { IntakeEvent } from '../intake/IntakePort.ts';
import { classify } from '../detector/index.ts';
import { clock, fiveWeekdaysAfter, startChat, type Chat } from '../testing/botHarness.ts';

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => db?.destroy());

const UNHAPPY = 'Nobody came to fix my boiler again, this is the third time, I am fed up';
const FIRST_AT = '2026-03-02T10:00:00.000Z';

async function run(chat: Chat, lines: string[]): Promise<string[]> {
  const replies: string[] = [];
  for (const line of lines) replies.push(...(await chat.say(line)));
  return replies;
}

/** The intake answers after YES, for a resident whose phone is already linked. */
const INTAKE = ['The engineer did not turn up', '3 weeks ago', 'Fix the boiler and say sorry', '1', '0', 'skip', '1'];

async function conversation(chat: Chat) {
  return db.prisma.conversation.findUniqueOrThrow({ where: { id: chat.conversationId } });
}

describe('greeting and offer (1.3)', () => {
  it('greets, says it is automated and how to reach a person', async () => {
    const chat = startChat(db.prisma, { clock: clock(FIRST_AT) });
    const [greeting] = await chat.say('hello');
    expect(greeting).toMatch(/automated assistant/);
    expect(greeting).toMatch(/AGENT/);
  });

  it('offers the choice on dissatisfaction and marks the offer on the conversation', async () => {
    const chat = startChat(db.prisma, { clock: clock(FIRST_AT) });
    const replies = await chat.say(UNHAPPY);
    expect(replies.at(-1)).toMatch(/Would you like me to log this as a formal complaint/);
    const row = await conversation(chat);
    expect(row.complaintOfferedAt?.toISOString()).toBe(FIRST_AT);
    expect(row.lastDetectorLabel).toBe('complaint');
  });

  it('declined: records feedback, says how to complain later, logs no complaint', async () => {
    const chat = startChat(db.prisma, { clock: clock(FIRST_AT) });
    const replies = await run(chat, [UNHAPPY, 'no']);
    expect(replies.at(-1)).toMatch(/won't log a complaint.*complain later/s);
    expect(await db.prisma.complaint.count({ where: { conversationId: chat.conversationId } })).toBe(0);
    const feedback = await db.prisma.auditEvent.findMany({ where: { conversationId: chat.conversationId, action: 'feedback.declined_complaint' } });
    expect(feedback).toHaveLength(1);
    expect(feedback[0]!.actorType).toBe('bot');
    expect((await conversation(chat)).complaintOfferedAt).toBeNull();
  });
});

describe('complaint intake', () => {
  it('accepted: full intake creates the complaint received at the first dissatisfied message', async () => {
    const resident = await createResident(db.prisma);
    const time = clock(FIRST_AT);
    const chat = startChat(db.prisma, { clock: time, phone: resident.identities[0]!.address });
    await chat.say(UNHAPPY);
    time.set('2026-03-02T10:20:00Z');
    const replies = await run(chat, ['yes', ...INTAKE, 'yes']);
    const complaint = await db.prisma.complaint.findFirstOrThrow({ where: { conversationId: chat.conversationId }, include: { stages: true } });
    expect(complaint.receivedAt.toISOString()).toBe(FIRST_AT);
    expect(complaint.residentId).toBe(resident.id);
    expect(complaint.reference).toMatch(/^CMP-2026-\d{6}$/);
    expect(complaint.flaggedOverTwelveMonths).toBe(false);
    expect(complaint.summary).toContain('The engineer did not turn up');
    expect(complaint.stages[0]!.outcomesSought).toBe('Fix the boiler and say sorry');
    expect(complaint.stages[0]!.acknowledgementDueOn.toISOString().slice(0, 10)).toBe(fiveWeekdaysAfter(new Date(FIRST_AT)).toISOString().slice(0, 10));
    const text = replies.join('\n');
    expect(text).toContain(complaint.reference);
    expect(text).toMatch(/5 working days/);
    expect(text).toMatch(/Housing Ombudsman/);
    const audit = await db.prisma.auditEvent.findFirst({ where: { complaintId: complaint.id, action: 'complaint.created' } });
    expect(audit?.actorType).toBe('bot');
  });

  it('an issue over 12 months old is flagged for discretion and not refused (2.3)', async () => {
    const resident = await createResident(db.prisma);
    const chat = startChat(db.prisma, { clock: clock(FIRST_AT), phone: resident.identities[0]!.address });
    const lines = [UNHAPPY, 'yes', 'Damp in the bedroom', 'January 2024', 'Treat the damp', '1', '0', 'skip', '1', 'yes'];
    const replies = await run(chat, lines);
    expect(replies.join('\n')).toMatch(/over 12 months ago\. I'll still log it/);
    const complaint = await db.prisma.complaint.findFirstOrThrow({ where: { conversationId: chat.conversationId } });
    expect(complaint.flaggedOverTwelveMonths).toBe(true);
    expect(complaint.issueStartedOn?.toISOString().slice(0, 10)).toBe('2024-01-01');
    expect(complaint.status).toBe('received');
  });

  it.each([
    { consent: '4', status: 'to_be_verified', method: 'not_recorded' },
    { consent: '1', status: 'given', method: 'written' },
    { consent: '3', status: 'given', method: 'legal_authority' },
  ])('representative with consent answer $consent → $status (3.6)', async ({ consent, status, method }) => {
    const resident = await createResident(db.prisma, { fullName: `Ann Rep${consent}`, postcode: 'ZZ9 9ZZ' });
    const chat = startChat(db.prisma, { clock: clock(FIRST_AT) });
    const lines = [UNHAPPY, 'yes', 'No repair', '2 weeks ago', 'Repair it', '2', 'Jo Bloggs', 'daughter', consent, `ann rep${consent}`, 'zz99zz', '0', 'skip', '1', 'yes'];
    const replies = await run(chat, lines);
    const complaint = await db.prisma.complaint.findFirstOrThrow({ where: { conversationId: chat.conversationId }, include: { representative: true } });
    expect(complaint.residentId).toBe(resident.id);
    expect(complaint.representative).toMatchObject({ name: 'Jo Bloggs', relationship: 'daughter', consentStatus: status, consentMethod: method });
    if (status === 'to_be_verified') expect(replies.join('\n')).toMatch(/staff will check the resident's consent/);
    // The representative's phone is not linked to the resident's record.
    const identity = await db.prisma.channelIdentity.findFirstOrThrow({ where: { address: chat.phone, channel: 'sms' } });
    expect(identity.residentId).toBeNull();
  });

  it('records adjustments, a disclosure, language and preferred channel (5.10)', async () => {
    const chat = startChat(db.prisma, { clock: clock(FIRST_AT) });
    const lines = [UNHAPPY, 'yes', 'Leak', 'last week', 'Fix it', '1', 'Sam Newperson', 'T999999', '1 2 4 5', 'Polish', 'after 2pm', 'Pat, 07700 900123', 'I use a wheelchair', '2', 'yes'];
    await run(chat, lines);
    const complaint = await db.prisma.complaint.findFirstOrThrow({ where: { conversationId: chat.conversationId }, include: { resident: { include: { adjustments: true, disclosures: true } } } });
    const kinds = complaint.resident.adjustments.map((a) => [a.kind, a.details]).sort();
    expect(kinds).toEqual([['call_times', 'after 2pm'], ['language', 'Polish'], ['large_print', 'large print'], ['support_worker', 'Pat, 07700 900123']]);
    expect(complaint.resident.adjustments.every((a) => a.recordedBy === 'bot' && a.status === 'requested')).toBe(true);
    expect(complaint.resident.disclosures.map((d) => d.description)).toEqual(['I use a wheelchair']);
    expect(complaint.resident.preferredLanguage).toBe('pl');
    expect(complaint.resident.preferredChannel).toBe('whatsapp');
  });

  it('unknown sender: asks name and postcode, links the identity, reveals nothing either way', async () => {
    const resident = await createResident(db.prisma, { fullName: 'Kim Known', postcode: 'ZZ2 2ZZ' });
    const matched = startChat(db.prisma, { clock: clock(FIRST_AT) });
    const stranger = startChat(db.prisma, { clock: clock(FIRST_AT) });
    const script = (name: string) => [UNHAPPY, 'yes', 'Leak', 'last week', 'Fix it', '1', name, 'zz2 2zz'];
    const a = await run(matched, script('Kim Known'));
    const b = await run(stranger, script('Lee Unknown'));
    expect(a.at(-2)).toBe(b.at(-2));
    const identity = await db.prisma.channelIdentity.findFirstOrThrow({ where: { address: matched.phone, channel: 'sms' } });
    expect(identity.residentId).toBe(resident.id);
    expect(b.join('\n')).not.toContain('Kim');
  });

  it('summary answered NO goes through the questions again', async () => {
    const resident = await createResident(db.prisma);
    const chat = startChat(db.prisma, { clock: clock(FIRST_AT), phone: resident.identities[0]!.address });
    const replies = await run(chat, [UNHAPPY, 'yes', ...INTAKE, 'no']);
    expect(replies.slice(-2)).toEqual([expect.stringMatching(/go through it again/), expect.stringMatching(/what happened/)]);
  });
});

describe('service requests (1.4, 1.5)', () => {
  it('records a service request, then dissatisfaction about it becomes an offer linked to it', async () => {
    const resident = await createResident(db.prisma);
    const chat = startChat(db.prisma, { clock: clock(FIRST_AT), phone: resident.identities[0]!.address });
    const [, recorded] = await chat.say('Please can someone fix my boiler, it is not working');
    const request = await db.prisma.serviceRequest.findFirstOrThrow({ where: { conversationId: chat.conversationId } });
    expect(recorded).toContain(request.reference);
    expect(request.reference).toMatch(/^SR-2026-\d{6}$/);
    const [offer] = await chat.say('The repair you booked still has not happened and I am really unhappy');
    expect(offer).toContain(request.reference);
    await run(chat, ['yes', ...INTAKE, 'yes']);
    const complaint = await db.prisma.complaint.findFirstOrThrow({ where: { conversationId: chat.conversationId } });
    expect(complaint.serviceRequestId).toBe(request.id);
    expect((await db.prisma.serviceRequest.findUniqueOrThrow({ where: { id: request.id } })).status).toBe('open');
  });
});

describe('handoff', () => {
  it.each([
    { text: 'I can smell gas in the kitchen', cue: 'gas' },
    { text: 'My boyfriend hits me and I am scared for my life', cue: 'violence' },
    { text: 'no heating and I have a newborn baby', cue: 'no_heating_vulnerable' },
  ])('safety cue ($cue) → urgent handoff with the emergency numbers', async ({ text, cue }) => {
    const chat = startChat(db.prisma, { clock: clock(FIRST_AT) });
    const replies = await chat.say(text);
    const reply = replies.join('\n');
    for (const number of ['999', '0800 111 999', '116 123']) expect(reply).toContain(number);
    const row = await conversation(chat);
    expect(row).toMatchObject({ state: 'awaiting_staff', urgent: true, handoffReason: `safeguarding: ${cue}` });
  });

  it('a safety cue mid-intake interrupts it', async () => {
    const chat = startChat(db.prisma, { clock: clock(FIRST_AT) });
    const replies = await run(chat, [UNHAPPY, 'yes', 'there is a gas smell now']);
    expect(replies.at(-1)).toContain('0800 111 999');
    expect((await conversation(chat)).urgent).toBe(true);
  });

  it.each(['agent', 'human', 'Agent.'])('"%s" mid-intake hands off (not urgent) and ends the intake', async (word) => {
    const chat = startChat(db.prisma, { clock: clock(FIRST_AT) });
    const replies = await run(chat, [UNHAPPY, 'yes', 'Leak', word]);
    expect(replies.at(-1)).toMatch(/passing you to a member of our team/);
    expect(await conversation(chat)).toMatchObject({ state: 'awaiting_staff', urgent: false });
  });

  it('low confidence twice in a row → handoff', async () => {
    const unsure = (text: string): Classification => (text === 'hmm' ? { label: 'other', confidence: 0.3, reasons: [] } : classify(text));
    const chat = startChat(db.prisma, { clock: clock(FIRST_AT), classify: unsure });
    const first = await chat.say('hmm');
    expect(first.at(-1)).toMatch(/didn't understand/);
    expect((await conversation(chat)).state).toBe('bot');
    const second = await chat.say('hmm');
    expect(second.at(-1)).toMatch(/not sure I've understood/);
    expect(await conversation(chat)).toMatchObject({ state: 'awaiting_staff', handoffReason: 'detector unsure twice in a row' });
  });

  it('stays silent while with staff, and resumes when released', async () => {
    const chat = startChat(db.prisma, { clock: clock(FIRST_AT) });
    await chat.say('agent');
    expect(await chat.say('hello?')).toEqual([expect.stringMatching(/will reply here soon/)]);
    await db.prisma.conversation.update({ where: { id: chat.conversationId }, data: { state: 'with_staff' } });
    expect(await chat.say('are you there')).toEqual([]);
    expect(await chat.say(UNHAPPY)).toEqual([]);
    await db.prisma.conversation.update({ where: { id: chat.conversationId }, data: { state: 'bot' } });
    const back = await chat.say(UNHAPPY);
    expect(back[0]).toMatch(/Hello again/);
    expect(back.at(-1)).toMatch(/formal complaint/);
  });

  it.each(['can I speak to a person', 'Could I talk to someone please?', "I’d like to speak to a real person.", 'please can i speak to a human'])(
    '"%s" hands off at once',
    async (said) => {
      const chat = startChat(db.prisma, { clock: clock(FIRST_AT) });
      const replies = await chat.say(said);
      expect(replies.at(-1)).toMatch(/passing you to a member of our team/);
      expect(await conversation(chat)).toMatchObject({ state: 'awaiting_staff', urgent: false, handoffReason: 'resident asked for a person' });
    },
  );

  it('an answer that only mentions a person does not interrupt the intake', async () => {
    const chat = startChat(db.prisma, { clock: clock(FIRST_AT) });
    const replies = await run(chat, [UNHAPPY, 'yes', 'I asked to speak to someone last week and nobody rang']);
    expect(replies.at(-1)).not.toMatch(/passing you/);
    expect((await conversation(chat)).state).toBe('bot');
  });

  it('after staff release it, an answer is not taken as the reply to the offer asked before they took over', async () => {
    const chat = startChat(db.prisma, { clock: clock(FIRST_AT) });
    expect((await chat.say(UNHAPPY)).at(-1)).toMatch(/formal complaint/);
    await db.prisma.conversation.update({ where: { id: chat.conversationId }, data: { state: 'with_staff' } });
    expect(await chat.say('thanks for sorting it')).toEqual([]);
    await db.prisma.conversation.update({ where: { id: chat.conversationId }, data: { state: 'bot' } });
    const back = await chat.say('yes');
    expect(back[0]).toMatch(/Hello again/);
    expect(back.join('\n')).not.toMatch(/what happened/);
    expect(await db.prisma.complaint.count({ where: { conversationId: chat.conversationId } })).toBe(0);
    // The withdrawn offer no longer waits in the triage queue.
    expect((await conversation(chat)).complaintOfferedAt).toBeNull();
  });
});

describe('events for staff (the intake event sink)', () => {
  it('tells the sink about offers, answers, resident links, complaints, service requests and handoffs, after commit', async () => {
    const events: IntakeEvent[] = [];
    const chat = startChat(db.prisma, {
      clock: clock(FIRST_AT),
      onEvent: (event) => {
        events.push(event);
        if (event.type === 'complaint_created') throw new Error('a failing sink must not fail the turn');
      },
    });
    const conversationId = chat.conversationId;
    await chat.say(UNHAPPY);
    expect(events).toEqual([{ type: 'complaint_offered', conversationId }]);
    const replies = await run(chat, ['yes', 'Leak', 'last week', 'Fix it', '1', 'Evan Eventful', 'ZZ4 4ZZ', '0', 'skip', '1', 'yes']);
    expect(replies.join('\n')).toMatch(/Your reference is CMP-2026-/);
    const complaint = await db.prisma.complaint.findFirstOrThrow({ where: { conversationId } });
    expect(events).toEqual([
      { type: 'complaint_offered', conversationId },
      { type: 'complaint_offer_answered', conversationId },
      { type: 'resident_linked', conversationId, residentId: complaint.residentId },
      { type: 'complaint_created', conversationId, complaintId: complaint.id },
    ]);
    await chat.say('Please can someone fix my boiler, it is not working');
    const request = await db.prisma.serviceRequest.findFirstOrThrow({ where: { conversationId } });
    expect(events.at(-1)).toEqual({ type: 'service_request_created', conversationId, serviceRequestId: request.id });
    await chat.say('agent');
    expect(events.at(-1)).toEqual({ type: 'handoff_requested', conversationId });
  });

  it('a declined offer is an answered offer; a compliment with no offer open tells nobody', async () => {
    const events: IntakeEvent[] = [];
    const chat = startChat(db.prisma, { clock: clock(FIRST_AT), onEvent: (event) => events.push(event) });
    await run(chat, [UNHAPPY, 'no']);
    expect(events.map((e) => e.type)).toEqual(['complaint_offered', 'complaint_offer_answered']);
    await chat.say('Thank you so much, the repair team were brilliant');
    expect(events.map((e) => e.type)).toEqual(['complaint_offered', 'complaint_offer_answered']);
  });
});

describe('commands mid-intake', () => {
  it.each([
    { at: 'the offer', before: [UNHAPPY], question: /formal complaint/ },
    { at: 'what happened', before: [UNHAPPY, 'yes'], question: /what happened/ },
    { at: 'the identity check', before: [UNHAPPY, 'yes', 'Leak', 'last week', 'Fix it', '1'], question: /full name/ },
    { at: 'the adjustments', before: [UNHAPPY, 'yes', 'Leak', 'last week', 'Fix it', '1', 'Al Help', 'ZZ3 3ZZ'], question: /make contact easier/ },
  ])('help at $at explains and repeats the question', async ({ before, question }) => {
    const chat = startChat(db.prisma, { clock: clock(FIRST_AT) });
    const replies = await run(chat, [...before, 'help']);
    expect(replies.slice(-2)).toEqual([expect.stringMatching(/AGENT/), expect.stringMatching(question)]);
  });

  it('restart abandons the intake and keeps the first dissatisfaction time', async () => {
    const time = clock(FIRST_AT);
    const resident = await createResident(db.prisma);
    const chat = startChat(db.prisma, { clock: time, phone: resident.identities[0]!.address });
    const replies = await run(chat, [UNHAPPY, 'yes', 'Leak', 'restart']);
    expect(replies.at(-1)).toMatch(/start again/);
    time.set('2026-03-05T09:00:00Z');
    await run(chat, [UNHAPPY, 'yes', ...INTAKE, 'yes']);
    const complaint = await db.prisma.complaint.findFirstOrThrow({ where: { conversationId: chat.conversationId } });
    expect(complaint.receivedAt.toISOString()).toBe(FIRST_AT);
  });
});

describe('durability', () => {
  it('an intake survives a process restart with the database kept', async () => {
    const resident = await createResident(db.prisma);
    const time = clock(FIRST_AT);
    const before = startChat(db.prisma, { clock: time, phone: resident.identities[0]!.address });
    await run(before, [UNHAPPY, 'yes', 'The engineer did not turn up', '3 weeks ago']);
    const after = before.restart();
    const replies = await run(after, ['Fix the boiler and say sorry', '1', '0', 'skip', '1', 'yes']);
    expect(replies.join('\n')).toMatch(/Your reference is CMP-2026-/);
    const complaint = await db.prisma.complaint.findFirstOrThrow({ where: { conversationId: after.conversationId } });
    expect(complaint.summary).toContain('The engineer did not turn up');
    expect(complaint.receivedAt.toISOString()).toBe(FIRST_AT);
  });
});
