// Every sentence a letter uses, so a translation can be supplied as another catalogue with the
// same shape (residents' language preference, 5.10). Only English is written here. Plain
// English throughout (6.9 and 6.19 ask for plain language). Values are plain text: the layout
// escapes them.
import { dayOfWeek } from '../civilDate.ts';
import type { CivilDate } from '../civilDate.ts';
import type { Decision, RefusalReason } from '../lifecycle/vocabulary.ts';
import type { Stage } from '../deadlines.ts';

export interface MessageCatalogue {
  language: string;
  formatDate(day: CivilDate): string;
  formatShortDate(day: CivilDate): string;
  formatMoney(pence: number): string;
  stageName(stage: Stage): string;
  common: {
    greeting(name: string | undefined): string;
    date: string;
    reference: string;
    signOff: string;
    phone: string;
    email: string;
    website: string;
    post: string;
    ombudsmanHeading: string;
    /** 3.7: the Ombudsman's role and how to reach it. */
    ombudsmanRole: string;
    fullLetterAt(url: string): string;
    askForFullLetter(phone: string | undefined): string;
  };
  definition: {
    understandingHeading: string;
    outcomesHeading: string;
    inResponsibilityHeading: string;
    outOfResponsibilityHeading: string;
  };
  acknowledgement: {
    subject(reference: string, stage: Stage): string;
    title(stage: Stage): string;
    intro(stage: Stage, startedOn: string): string;
    misunderstood: string;
    whenHeading: string;
    when(dueOn: string): string;
    sms(landlord: string, reference: string, stage: Stage, dueOn: string): string;
  };
  extension: {
    subject(reference: string): string;
    title: string;
    intro(previousDueOn: string, newDueOn: string): string;
    reasonHeading: string;
    goodReasonHeading(limitWorkingDays: number): string;
    updates(intervalDays: number): string;
    ombudsmanIntro: string;
    sms(landlord: string, reference: string, newDueOn: string, ombudsmanPhone: string | undefined): string;
  };
  response: {
    subject(reference: string, stage: Stage): string;
    title(stage: Stage): string;
    intro(stage: Stage): string;
    complaintHeading: string;
    decisionHeading: string;
    decision(decision: Decision): string;
    reasonsHeading: string;
    remediesHeading: string;
    remedy(description: string, dueOn: string, amount: string | null, done: boolean): string;
    noRemedies: string;
    actionsHeading: string;
    action(description: string, dueOn: string): string;
    actionsFollowUp: string;
    noActions: string;
    stage2Heading: string;
    stage2How: string;
    stage2Contact: string;
    ombudsmanHeading: string;
    ombudsmanHow: string;
    sms(landlord: string, reference: string, stage: Stage, decision: Decision, ombudsmanPhone: string | undefined): string;
  };
  refusal: {
    subject(reference: string): string;
    title: string;
    intro: string;
    reasonHeading: string;
    reason(code: RefusalReason): string;
    explanationHeading: string;
    rightHeading: string;
    right: string;
    sms(landlord: string, reference: string, ombudsmanPhone: string | undefined): string;
  };
}

// Dates are spelt out by hand: Intl's en-GB output differs between ICU versions ("Monday, 20
// April" or "Monday 20 April"), and a letter must read the same wherever it is rendered.
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

function spellDate(day: CivilDate, short: boolean): string {
  const [y, m, dd] = day.split('-').map(Number) as [number, number, number];
  const weekday = WEEKDAYS[dayOfWeek(day)] ?? '';
  const month = MONTHS[m - 1] ?? '';
  return short ? `${weekday.slice(0, 3)} ${dd} ${month.slice(0, 3)} ${y}` : `${weekday} ${dd} ${month} ${y}`;
}

const money = new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'GBP' });

const stageName = (stage: Stage): string => (stage === 'stage_1' ? 'stage 1' : 'stage 2');

const decisionWords: Record<Decision, string> = {
  upheld: 'upheld',
  partly_upheld: 'partly upheld',
  not_upheld: 'not upheld',
};

export const ENGLISH_MESSAGES: MessageCatalogue = {
  language: 'en',
  formatDate: (day) => spellDate(day, false),
  formatShortDate: (day) => spellDate(day, true),
  formatMoney: (pence) => money.format(pence / 100),
  stageName,
  common: {
    greeting: (name) => (name ? `Dear ${name},` : 'Dear resident,'),
    date: 'Date',
    reference: 'Our reference',
    signOff: 'Yours sincerely,',
    phone: 'Phone',
    email: 'Email',
    website: 'Website',
    post: 'Post',
    ombudsmanHeading: 'The Housing Ombudsman',
    ombudsmanRole:
      'The Housing Ombudsman Service is independent and free to use. It deals with complaints about ' +
      'social landlords like us. You can contact it for advice at any time while we deal with your ' +
      'complaint, and you can ask it to investigate once our complaints process has finished.',
    fullLetterAt: (url) => `Full letter: ${url}`,
    askForFullLetter: (phone) =>
      phone ? `Reply here or call ${phone} for the full letter.` : 'Reply here to ask for the full letter.',
  },
  definition: {
    understandingHeading: 'What we understand your complaint to be',
    outcomesHeading: 'What you would like to happen',
    inResponsibilityHeading: 'What we are responsible for',
    outOfResponsibilityHeading: 'What we are not responsible for',
  },
  acknowledgement: {
    subject: (reference, stage) => `Your complaint ${reference}: we are dealing with it at ${stageName(stage)}`,
    title: (stage) => (stage === 'stage_1' ? 'We have received your complaint' : 'We are reviewing your complaint at stage 2'),
    intro: (stage, startedOn) =>
      stage === 'stage_1'
        ? `Thank you for telling us about your complaint, which we received on ${startedOn}. We are dealing with it at stage 1 of our complaints process.`
        : `On ${startedOn} you asked us to take your complaint to stage 2, the final stage of our complaints process. Someone who was not involved at stage 1 will review it.`,
    misunderstood: 'If we have misunderstood your complaint, or missed something, please tell us as soon as you can.',
    whenHeading: 'When we will reply',
    when: (dueOn) =>
      `We will send you our response by ${dueOn}. If we need more time, we will tell you why and when you can expect it.`,
    sms: (landlord, reference, stage, dueOn) =>
      `${landlord}: we have logged your complaint ${reference} at ${stageName(stage)}. We will respond by ${dueOn}.`,
  },
  extension: {
    subject: (reference) => `Your complaint ${reference}: we need more time`,
    title: 'We need more time to respond to your complaint',
    intro: (previousDueOn, newDueOn) =>
      `We told you we would respond by ${previousDueOn}. We are sorry, but we now expect to send our response by ${newDueOn}.`,
    reasonHeading: 'Why we need more time',
    goodReasonHeading: (limit) => `Why we need more than ${limit} extra working days`,
    updates: (days) => `Until then we will update you at least every ${days} days.`,
    ombudsmanIntro:
      'If you are unhappy that we need more time, you can contact the Housing Ombudsman for advice.',
    sms: (landlord, reference, newDueOn, phone) =>
      `${landlord}: we need more time on complaint ${reference}. We will respond by ${newDueOn}.` +
      (phone ? ` Housing Ombudsman: ${phone}.` : ''),
  },
  response: {
    subject: (reference, stage) =>
      stage === 'stage_1'
        ? `Your complaint ${reference}: our stage 1 response`
        : `Your complaint ${reference}: our final response (stage 2)`,
    title: (stage) => (stage === 'stage_1' ? 'Our stage 1 response to your complaint' : 'Our final response to your complaint'),
    intro: (stage) =>
      stage === 'stage_1'
        ? 'This is our response to your complaint at stage 1 of our complaints process.'
        : 'This is our final response to your complaint at stage 2, the last stage of our complaints process.',
    complaintHeading: 'Your complaint',
    decisionHeading: 'Our decision',
    decision: (decision) => `We have ${decisionWords[decision]} your complaint.`,
    reasonsHeading: 'Why we reached this decision',
    remediesHeading: 'How we will put things right',
    remedy: (description, dueOn, amount, done) =>
      `${description}${amount ? ` (${amount})` : ''}: ${done ? 'done' : `by ${dueOn}`}.`,
    noRemedies: 'We are not offering a remedy.',
    actionsHeading: 'What is still to be done',
    action: (description, dueOn) => `${description}: by ${dueOn}.`,
    actionsFollowUp: 'We will keep you updated until each of these is done.',
    noActions: 'There is nothing still to be done.',
    stage2Heading: 'If you are not happy with this response',
    stage2How:
      'You can ask us to take your complaint to stage 2. You do not have to give a reason. Someone who ' +
      'was not involved at stage 1 will review it. To ask, contact us:',
    stage2Contact: 'Please quote your reference.',
    ombudsmanHeading: 'If you are not happy with our final response',
    ombudsmanHow:
      'This is the end of our complaints process. You can now ask the Housing Ombudsman to investigate ' +
      'your complaint. It is free. Contact:',
    sms: (landlord, reference, stage, decision, phone) =>
      `${landlord}: our ${stage === 'stage_1' ? 'stage 1 response' : 'final response'} to complaint ${reference} is ready. ` +
      `Complaint ${decisionWords[decision]}.` +
      (stage === 'stage_2' && phone ? ` Not happy? Housing Ombudsman: ${phone}.` : ''),
  },
  refusal: {
    subject: (reference) => `Your complaint ${reference}: our decision not to take it forward`,
    title: 'We cannot take your complaint forward',
    intro: 'We have looked carefully at what you told us. We have decided that we cannot deal with it under our complaints process.',
    reasonHeading: 'The reason',
    reason: (code) =>
      ({
        over_12_months: 'The issue happened more than 12 months before you told us about it.',
        legal_proceedings: 'Legal proceedings about this matter have started in court.',
        previously_considered: 'We have already considered this matter under our complaints process.',
        other: 'The reason is explained below.',
      })[code],
    explanationHeading: 'Our explanation',
    rightHeading: 'Your right to go to the Housing Ombudsman',
    right:
      'If you disagree with this decision, you can ask the Housing Ombudsman to look at it. It is free. Contact:',
    sms: (landlord, reference, phone) =>
      `${landlord}: we cannot take complaint ${reference} forward under our complaints process. ` +
      `You can ask the Housing Ombudsman${phone ? ` (${phone})` : ''} to look at this decision.`,
  },
};

/** The catalogue for `language`, falling back to English (primary subtag tried too: 'cy-GB' → 'cy'). */
export function selectCatalogue(
  language: string | undefined,
  catalogues: Readonly<Record<string, MessageCatalogue>> = {},
): MessageCatalogue {
  if (!language) return ENGLISH_MESSAGES;
  return catalogues[language] ?? catalogues[language.split('-')[0] ?? ''] ?? ENGLISH_MESSAGES;
}
