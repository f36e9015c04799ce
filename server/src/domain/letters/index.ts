// Letters the engine asks for (LetterRequest, carried by 'letter.required' events) and how the
// service layer turns one into { subject, html, text } with the landlord's configuration.
import type { AcknowledgementLetter } from './acknowledgement.ts';
import { renderAcknowledgementLetter } from './acknowledgement.ts';
import type { LetterContext, LetterOptions, RenderedLetter } from './context.ts';
import type { ExtensionNoticeLetter } from './extensionNotice.ts';
import { renderExtensionNotice } from './extensionNotice.ts';
import type { RefusalLetter } from './refusal.ts';
import { renderRefusalLetter } from './refusal.ts';
import type { ResponseLetter } from './response.ts';
import { renderResponseLetter } from './response.ts';

export type LetterRequest = AcknowledgementLetter | ExtensionNoticeLetter | ResponseLetter | RefusalLetter;

export function renderLetterRequest(letter: LetterRequest, context: LetterContext, options: LetterOptions): RenderedLetter {
  switch (letter.kind) {
    case 'acknowledgement':
      return renderAcknowledgementLetter(letter, context, options);
    case 'extension_notice':
      return renderExtensionNotice(letter, context, options);
    case 'stage_1_response':
    case 'final_response':
      return renderResponseLetter(letter, context, options);
    case 'refusal':
      return renderRefusalLetter(letter, context, options);
  }
}

export type { AcknowledgementLetter, ExtensionNoticeLetter, RefusalLetter, ResponseLetter };
export { renderAcknowledgementLetter, renderExtensionNotice, renderRefusalLetter, renderResponseLetter };
export { DEFAULT_OMBUDSMAN_CONTACT } from './context.ts';
export type { LetterContext, LetterOptions, OmbudsmanContact, PostalContact, RenderedLetter } from './context.ts';
export { ENGLISH_MESSAGES, selectCatalogue } from './messages.ts';
export type { MessageCatalogue } from './messages.ts';
export { escapeHtml } from './layout.ts';
export { applyLetterTemplate, EMPTY_LETTER_TEMPLATE, TEMPLATE_LETTER_KINDS, templatedLandlord } from './template.ts';
export type { LetterTemplate, TemplateLetterKind } from './template.ts';
export { SAMPLE_REFERENCE, sampleLetterRequest } from './sampleLetters.ts';
