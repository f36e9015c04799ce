// The shared printable layout. Templates hand over plain text only; every string is escaped
// here, so nothing a resident or a member of staff typed can become markup.
import type { LetterContext, LetterOptions, PostalContact, RenderedLetter } from './context.ts';
import type { MessageCatalogue } from './messages.ts';
import { selectCatalogue } from './messages.ts';

export type Block =
  | { kind: 'paragraph'; text: string }
  | { kind: 'list'; items: readonly string[] }
  | { kind: 'contact'; contact: PostalContact };

export interface LetterSection {
  heading: string;
  blocks: readonly Block[];
}

export const paragraph = (text: string): Block => ({ kind: 'paragraph', text });
export const list = (items: readonly string[]): Block => ({ kind: 'list', items });
export const contactBlock = (contact: PostalContact): Block => ({ kind: 'contact', contact });

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => HTML_ESCAPES[ch] ?? ch);
}

/** Escapes, then keeps the writer's line breaks. */
function textToHtml(text: string): string {
  return escapeHtml(text.trim()).replace(/\r?\n/g, '<br>');
}

/** 5.10: a large print adjustment changes the letter's format, not just a flag on the record. */
export function wantsLargePrint(options: LetterOptions): boolean {
  return options.adjustments?.includes('large_print') ?? false;
}

// RNIB's clear print guidance: at least 12pt normally; large print is 16pt or more.
const STYLE = `
body.letter { font-family: Arial, Helvetica, sans-serif; font-size: 12pt; line-height: 1.5; color: #000; max-width: 42em; margin: 2em auto; }
body.letter.large-print { font-size: 18pt; line-height: 1.6; }
body.letter h1 { font-size: 1.5em; }
body.letter h2 { font-size: 1.2em; margin-top: 1.5em; }
body.letter .letterhead, body.letter .meta { margin-bottom: 1.5em; }
@media print { body.letter { margin: 0; } }
`.trim();

export function contactLines(contact: PostalContact, m: MessageCatalogue): string[] {
  const lines = [contact.name];
  if (contact.phone) lines.push(`${m.common.phone}: ${contact.phone}`);
  if (contact.email) lines.push(`${m.common.email}: ${contact.email}`);
  if (contact.website) lines.push(`${m.common.website}: ${contact.website}`);
  if (contact.address?.length) lines.push(`${m.common.post}: ${contact.address.join(', ')}`);
  return lines;
}

function renderBlock(block: Block, m: MessageCatalogue): string {
  switch (block.kind) {
    case 'paragraph':
      return `<p>${textToHtml(block.text)}</p>`;
    case 'list':
      return `<ul>${block.items.map((item) => `<li>${textToHtml(item)}</li>`).join('')}</ul>`;
    case 'contact':
      return `<address>${contactLines(block.contact, m).map(textToHtml).join('<br>')}</address>`;
  }
}

export interface LetterContent {
  reference: string;
  subject: string;
  title: string;
  intro: readonly string[];
  sections: readonly LetterSection[];
  /** The short SMS/WhatsApp body; the pointer to the full letter is appended. */
  sms: string;
}

export function renderLetter(
  build: (m: MessageCatalogue) => LetterContent,
  context: LetterContext,
  options: LetterOptions,
): RenderedLetter {
  const m = selectCatalogue(options.language, options.catalogues);
  const content = build(m);
  const largePrint = wantsLargePrint(options);
  const landlord = context.landlord;
  const sections = content.sections
    .map((s) => `<section><h2>${escapeHtml(s.heading)}</h2>${s.blocks.map((b) => renderBlock(b, m)).join('')}</section>`)
    .join('\n');
  const html = `<!doctype html>
<html lang="${escapeHtml(m.language)}">
<head><meta charset="utf-8"><title>${escapeHtml(content.subject)}</title><style>${STYLE}</style></head>
<body class="letter${largePrint ? ' large-print' : ''}">
<header class="letterhead"><address>${contactLines(landlord, m).map(textToHtml).join('<br>')}</address></header>
<p class="meta">${escapeHtml(m.common.date)}: ${escapeHtml(m.formatDate(options.issuedOn))}<br>${escapeHtml(m.common.reference)}: ${escapeHtml(content.reference)}</p>
<p>${escapeHtml(m.common.greeting(options.recipientName))}</p>
<h1>${escapeHtml(content.title)}</h1>
${[...(options.opening ? [options.opening] : []), ...content.intro].map((t) => `<p>${textToHtml(t)}</p>`).join('\n')}
${sections}
<p class="sign-off">${[m.common.signOff, options.signedBy, options.signerTitle, landlord.complaintsTeam ?? landlord.name].filter((line): line is string => Boolean(line)).map(textToHtml).join('<br>')}</p>
</body>
</html>
`;
  const pointer = options.fullLetterUrl ? m.common.fullLetterAt(options.fullLetterUrl) : m.common.askForFullLetter(landlord.phone);
  return { subject: content.subject, html, text: `${content.sms} ${pointer}`, largePrint, language: m.language };
}

/** 5.6, 5.7: the complaint definition as the resident will read it. */
export function definitionSections(
  definition: { understanding: string; outcomesSought: string; inResponsibility?: string; outOfResponsibility?: string },
  m: MessageCatalogue,
  options: { responsibility: boolean },
): LetterSection[] {
  const sections: LetterSection[] = [
    { heading: m.definition.understandingHeading, blocks: [paragraph(definition.understanding)] },
    { heading: m.definition.outcomesHeading, blocks: [paragraph(definition.outcomesSought)] },
  ];
  if (options.responsibility && definition.inResponsibility) {
    sections.push({ heading: m.definition.inResponsibilityHeading, blocks: [paragraph(definition.inResponsibility)] });
  }
  if (options.responsibility && definition.outOfResponsibility) {
    sections.push({ heading: m.definition.outOfResponsibilityHeading, blocks: [paragraph(definition.outOfResponsibility)] });
  }
  return sections;
}
