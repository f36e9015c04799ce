import { describe, expect, it } from 'vitest';
import { parseCivilDate } from './civilDate.ts';
import { createWorkingCalendar } from './workingDays.ts';
import type { LetterContext, LetterOptions, LetterTemplate, TemplateLetterKind } from './letters/index.ts';
import { applyLetterTemplate, DEFAULT_OMBUDSMAN_CONTACT, EMPTY_LETTER_TEMPLATE, renderLetterRequest, sampleLetterRequest, TEMPLATE_LETTER_KINDS } from './letters/index.ts';

const issuedOn = parseCivilDate('2026-04-02');
const calendar = createWorkingCalendar();
const context: LetterContext = {
  landlord: { name: 'Riverside Homes', phone: '0161 496 0000', address: ['1 Quay Street', 'Manchester', 'M1 1AA'] },
  ombudsman: DEFAULT_OMBUDSMAN_CONTACT,
};
const options: LetterOptions = { issuedOn, recipientName: 'Ms Okafor', signedBy: 'Hana Handler' };

const template: LetterTemplate = {
  complaintsTeam: 'Customer Resolution Team',
  phone: '0161 496 0999',
  email: 'resolution@riverside.example',
  address: ['PO Box 1', '', 'Manchester M1 9ZZ'],
  signatoryName: 'Jo Manager',
  signatoryTitle: 'Head of Customer Resolution',
  openings: { acknowledgement: 'Thank you for giving us the chance to put things right.\nWe read every complaint.', refusal: 'We are sorry to send this letter.' },
};

function render(kind: TemplateLetterKind, chosen: LetterTemplate) {
  const templated = applyLetterTemplate(kind, context, options, chosen);
  return renderLetterRequest(sampleLetterRequest(kind, issuedOn, calendar), templated.context, templated.options);
}

/** The Code's content in each letter, which no template can take out. */
const CODE_CONTENT: Record<TemplateLetterKind, string[]> = {
  acknowledgement: ['What we understand your complaint to be', 'What you would like to happen', 'What we are responsible for', 'When we will reply', 'Housing Ombudsman Service', '0300 111 3000'],
  extension_notice: ['Why we need more time', 'Housing Ombudsman Service', '0300 111 3000'],
  stage_1_response: ['Our decision', 'Why we reached this decision', 'How we will put things right', 'What is still to be done', 'You can ask us to take your complaint to stage 2', 'Housing Ombudsman Service'],
  final_response: ['Our decision', 'Why we reached this decision', 'You can now ask the Housing Ombudsman to investigate', '0300 111 3000'],
  refusal: ['The reason', 'Our explanation', 'Your right to go to the Housing Ombudsman', '0300 111 3000'],
};

describe('letter templates', () => {
  it('with no template, letters are exactly as configured', () => {
    for (const kind of TEMPLATE_LETTER_KINDS) {
      const plain = renderLetterRequest(sampleLetterRequest(kind, issuedOn, calendar), context, options);
      expect(render(kind, EMPTY_LETTER_TEMPLATE)).toEqual(plain);
    }
  });

  it('opens the letter with the landlord’s paragraph, before the letter’s own opening, kept as plain text', () => {
    const html = render('acknowledgement', template).html;
    const opening = html.indexOf('Thank you for giving us the chance to put things right.<br>We read every complaint.');
    expect(opening).toBeGreaterThan(html.indexOf('<h1>'));
    expect(opening).toBeLessThan(html.indexOf('Thank you for telling us about your complaint'));
    // Only the kind it was written for.
    expect(render('extension_notice', template).html).not.toContain('We read every complaint');
    const markup = render('refusal', { openings: { refusal: '<script>alert(1)</script> & <b>bold</b>' } }).html;
    expect(markup).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;b&gt;bold&lt;/b&gt;');
    expect(markup).not.toContain('<script>');
  });

  it('signs with the template’s name and title, then the complaints team', () => {
    const html = render('stage_1_response', template).html;
    expect(html).toContain('<p class="sign-off">Yours sincerely,<br>Jo Manager<br>Head of Customer Resolution<br>Customer Resolution Team</p>');
    // Without a signatory the member of staff who issues it signs, with the title under their name.
    const own = render('stage_1_response', { signatoryTitle: 'Complaints Officer' }).html;
    expect(own).toContain('<p class="sign-off">Yours sincerely,<br>Hana Handler<br>Complaints Officer<br>Riverside Homes</p>');
  });

  it('gives the complaints team’s contact where residents are told how to reach it, skipping blank address lines', () => {
    const html = render('stage_1_response', template).html;
    expect(html).toContain('Phone: 0161 496 0999');
    expect(html).toContain('Email: resolution@riverside.example');
    expect(html).toContain('Post: PO Box 1, Manchester M1 9ZZ');
    expect(html).not.toContain('0161 496 0000');
    // Blank fields leave the configuration's details: a template cannot blank the contact out.
    const blank = render('stage_1_response', { phone: '  ', address: ['', ' '] }).html;
    expect(blank).toContain('Phone: 0161 496 0000');
    expect(blank).toContain('Post: 1 Quay Street, Manchester, M1 1AA');
    expect(blank).toContain('Riverside Homes');
  });

  it('keeps every section the Code requires in every kind of letter, and the Ombudsman’s details are never the template’s', () => {
    const hostile: LetterTemplate = { ...template, phone: '0300 111 3000 (ours)', openings: Object.fromEntries(TEMPLATE_LETTER_KINDS.map((k) => [k, 'Ignore the rest of this letter.'])) };
    for (const kind of TEMPLATE_LETTER_KINDS) {
      const { html, text } = render(kind, hostile);
      for (const required of CODE_CONTENT[kind]) expect(html, `${kind}: ${required}`).toContain(required);
      expect(html).toContain('Ignore the rest of this letter.');
      expect(html).toContain('PO Box 152, Liverpool, L33 7WQ');
      expect(text.length).toBeGreaterThan(0);
    }
    const templated = applyLetterTemplate('refusal', context, options, hostile);
    expect(templated.context.ombudsman).toBe(DEFAULT_OMBUDSMAN_CONTACT);
  });
});
