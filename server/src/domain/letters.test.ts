import { describe, expect, it } from 'vitest';
import { parseCivilDate } from './civilDate.ts';
import type { ComplaintDefinition } from './lifecycle/index.ts';
import type {
  AcknowledgementLetter,
  ExtensionNoticeLetter,
  LetterContext,
  LetterOptions,
  MessageCatalogue,
  RefusalLetter,
  ResponseLetter,
} from './letters/index.ts';
import { DEFAULT_OMBUDSMAN_CONTACT, ENGLISH_MESSAGES, escapeHtml, renderLetterRequest } from './letters/index.ts';

const d = parseCivilDate;

const context: LetterContext = {
  landlord: {
    name: 'Riverside Homes',
    complaintsTeam: 'Riverside Homes Complaints Team',
    phone: '0161 496 0000',
    email: 'complaints@riverside.example',
    address: ['1 Quay Street', 'Manchester', 'M1 1AA'],
  },
  ombudsman: DEFAULT_OMBUDSMAN_CONTACT,
};

const options: LetterOptions = {
  issuedOn: d('2026-04-02'),
  recipientName: 'Ms Okafor',
  fullLetterUrl: 'https://riverside.example/l/Ab3dE9',
};

const definition: ComplaintDefinition = {
  understanding: 'The repairs team missed two appointments to fix the boiler.',
  outcomesSought: 'A working boiler and an apology.',
  inResponsibility: 'The missed appointments and the repair.',
  outOfResponsibility: 'The gas supply, which is the supplier\u2019s.',
};

const acknowledgement: AcknowledgementLetter = {
  kind: 'acknowledgement', stage: 'stage_1', reference: 'CMP-2026-000123', startedOn: d('2026-04-01'), definition, responseDueOn: d('2026-04-20'),
};
const extension: ExtensionNoticeLetter = {
  kind: 'extension_notice', stage: 'stage_1', reference: 'CMP-2026-000123', previousDueOn: d('2026-04-20'), newDueOn: d('2026-05-06'),
  reason: 'We are waiting for a structural survey.', goodReason: 'The surveyor cannot visit sooner.', updateIntervalDays: 7,
};
const stage1: ResponseLetter = {
  kind: 'stage_1_response', stage: 'stage_1', reference: 'CMP-2026-000123', definition, decision: 'partly_upheld',
  reasons: 'Both appointments were missed without notice.',
  remedies: [
    { kind: 'apology', description: 'We apologise for the missed appointments', amountPence: null, dueOn: d('2026-04-15'), done: true },
    { kind: 'financial', description: 'Compensation for the time without heating', amountPence: 15000, dueOn: d('2026-04-30'), done: false },
  ],
  outstandingActions: [{ description: 'Replace the boiler', dueOn: d('2026-05-15') }],
};
const final: ResponseLetter = { ...stage1, kind: 'final_response', stage: 'stage_2', remedies: [], outstandingActions: [], decision: 'not_upheld' };
const refusal: RefusalLetter = {
  kind: 'refusal', stage: 'stage_1', reference: 'CMP-2026-000123', reasonCode: 'legal_proceedings', explanation: 'A claim about this disrepair was filed at court on 1 March 2026.',
};

const ombudsmanDetails = ['Housing Ombudsman Service', '0300 111 3000', 'info@housing-ombudsman.org.uk', 'www.housing-ombudsman.org.uk', 'PO Box 152, Liverpool, L33 7WQ'];

function textOf(html: string): string {
  return html.replace(/<[^>]+>/g, ' ').replace(/&#39;/g, "'").replace(/&amp;/g, '&').replace(/\s+/g, ' ');
}

describe('acknowledgement (6.2, 6.11, 5.6, 5.7, 3.7)', () => {
  const letter = renderLetterRequest(acknowledgement, context, options);

  it('sets out the definition, responsibilities, the due date and the Ombudsman', () => {
    const text = textOf(letter.html);
    for (const part of [
      'What we understand your complaint to be', definition.understanding,
      'What you would like to happen', definition.outcomesSought,
      'What we are responsible for', definition.inResponsibility,
      'What we are not responsible for', definition.outOfResponsibility,
      'Monday 20 April 2026', 'stage 1', 'CMP-2026-000123', 'Dear Ms Okafor',
      'The Housing Ombudsman', ...ombudsmanDetails,
    ]) {
      expect(text).toContain(part);
    }
    expect(letter.subject).toBe('Your complaint CMP-2026-000123: we are dealing with it at stage 1');
  });

  it('describes stage 2 as the review by someone not involved at stage 1', () => {
    const s2 = renderLetterRequest({ ...acknowledgement, stage: 'stage_2' }, context, options);
    expect(textOf(s2.html)).toMatch(/stage 2, the final stage/);
    expect(textOf(s2.html)).toMatch(/not involved at stage 1/);
  });

  it('has a short text with the reference, the date and where to read the letter', () => {
    expect(letter.text).toBe(
      'Riverside Homes: we have logged your complaint CMP-2026-000123 at stage 1. We will respond by Mon 20 Apr 2026. Full letter: https://riverside.example/l/Ab3dE9',
    );
  });
});

describe('extension notice (6.4, 6.5, 6.15, 6.16, 5.9)', () => {
  const letter = renderLetterRequest(extension, context, options);

  it('gives the old and new dates, the reasons, the update interval and the Ombudsman contact details', () => {
    const text = textOf(letter.html);
    for (const part of [
      'Monday 20 April 2026', 'Wednesday 6 May 2026', extension.reason, extension.goodReason as string,
      'more than 10 extra working days', 'at least every 7 days', ...ombudsmanDetails,
    ]) {
      expect(text).toContain(part);
    }
  });

  it('uses the configured Ombudsman details, not hard-coded ones', () => {
    const custom = { ...context, ombudsman: { ...DEFAULT_OMBUDSMAN_CONTACT, phone: '0300 000 0000' } };
    const html = renderLetterRequest(extension, custom, options).html;
    expect(html).toContain('0300 000 0000');
    expect(html).not.toContain('0300 111 3000');
  });

  it('puts the Ombudsman phone number in the short text as well', () => {
    expect(letter.text).toContain('Housing Ombudsman: 0300 111 3000');
    expect(letter.text).toContain('Wed 6 May 2026');
  });
});

describe('responses (6.9, 6.19)', () => {
  it('the stage 1 response has every 6.9 section, with remedies and actions dated', () => {
    const text = textOf(renderLetterRequest(stage1, context, options).html);
    for (const part of [
      'stage 1', // (a)
      definition.understanding, definition.outcomesSought, // (b)
      'We have partly upheld your complaint', // (c)
      stage1.reasons, // (d)
      'How we will put things right', 'We apologise for the missed appointments: done', 'Compensation for the time without heating (£150.00): by Thursday 30 April 2026', // (e)
      'What is still to be done', 'Replace the boiler: by Friday 15 May 2026', // (f)
      'You can ask us to take your complaint to stage 2', 'You do not have to give a reason', '0161 496 0000', // (g)
    ]) {
      expect(text).toContain(part);
    }
  });

  it('the final response says how to go to the Ombudsman (6.19(g)) and not how to escalate', () => {
    const letter = renderLetterRequest(final, context, options);
    const text = textOf(letter.html);
    for (const part of ['Our final response', 'stage 2', 'We have not upheld your complaint', 'We are not offering a remedy', 'There is nothing still to be done', 'ask the Housing Ombudsman to investigate', ...ombudsmanDetails]) {
      expect(text).toContain(part);
    }
    expect(text).not.toContain('take your complaint to stage 2');
    expect(letter.text).toContain('Housing Ombudsman: 0300 111 3000');
  });
});

describe('refusal (2.4)', () => {
  it('gives the reason, the explanation and the right to go to the Ombudsman', () => {
    const letter = renderLetterRequest(refusal, context, options);
    const text = textOf(letter.html);
    for (const part of ['Legal proceedings about this matter have started', refusal.explanation, 'Your right to go to the Housing Ombudsman', 'If you disagree with this decision', ...ombudsmanDetails]) {
      expect(text).toContain(part);
    }
    expect(letter.text).toMatch(/Housing Ombudsman \(0300 111 3000\) to look at this decision/);
  });
});

describe('every letter', () => {
  const all = [acknowledgement, extension, stage1, final, refusal];

  it('escapes what people typed: a <script> in the understanding stays text', () => {
    const hostile = { ...acknowledgement, definition: { ...definition, understanding: '<script>alert("x")</script> & <b>bold</b>' } };
    const html = renderLetterRequest(hostile, context, { ...options, recipientName: '<img src=x onerror=alert(1)>' }).html;
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<b>');
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;b&gt;bold&lt;/b&gt;');
  });

  it('escapes the landlord configuration and explanations too', () => {
    const html = renderLetterRequest({ ...refusal, explanation: 'A "claim" </p><script>1</script>' }, { ...context, landlord: { ...context.landlord, name: 'A & B <Homes>' } }, options).html;
    expect(html).not.toMatch(/<script>|<Homes>/);
    expect(html).toContain('A &amp; B &lt;Homes&gt;');
  });

  it('keeps line breaks that staff typed', () => {
    const html = renderLetterRequest({ ...stage1, reasons: 'First.\nSecond.' }, context, options).html;
    expect(html).toContain('First.<br>Second.');
  });

  it.each(all.map((l) => [l.kind, l] as const))('%s: large print changes the HTML, and is reported', (_kind, letter) => {
    const normal = renderLetterRequest(letter, context, options);
    const large = renderLetterRequest(letter, context, { ...options, adjustments: ['large_print'] });
    expect(normal.largePrint).toBe(false);
    expect(normal.html).toContain('<body class="letter">');
    expect(large.largePrint).toBe(true);
    expect(large.html).toContain('<body class="letter large-print">');
    expect(large.html).toMatch(/body\.letter\.large-print \{ font-size: 18pt/);
  });

  it.each(all.map((l) => [l.kind, l] as const))('%s: the short text stays under 300 characters', (_kind, letter) => {
    const rendered = renderLetterRequest(letter, context, options);
    expect(rendered.text.length).toBeLessThanOrEqual(300);
    expect(rendered.text).toContain('CMP-2026-000123');
  });

  it('without a link, the short text says how to ask for the full letter', () => {
    const { text } = renderLetterRequest(acknowledgement, context, { ...options, fullLetterUrl: undefined });
    expect(text).toContain('Reply here or call 0161 496 0000 for the full letter.');
  });

  it('uses a supplied catalogue for the resident\u2019s language and falls back to English', () => {
    const welsh: MessageCatalogue = {
      ...ENGLISH_MESSAGES,
      language: 'cy',
      acknowledgement: { ...ENGLISH_MESSAGES.acknowledgement, title: () => 'TEITL PRAWF' },
    };
    const translated = renderLetterRequest(acknowledgement, context, { ...options, language: 'cy-GB', catalogues: { cy: welsh } });
    expect(translated.language).toBe('cy');
    expect(translated.html).toContain('<html lang="cy">');
    expect(translated.html).toContain('TEITL PRAWF');
    const fallback = renderLetterRequest(acknowledgement, context, { ...options, language: 'pl' });
    expect(fallback.language).toBe('en');
    expect(fallback.html).toContain('We have received your complaint');
  });

  it('escapeHtml covers the five HTML metacharacters', () => {
    expect(escapeHtml(`<>&"'`)).toBe('&lt;&gt;&amp;&quot;&#39;');
  });
});
