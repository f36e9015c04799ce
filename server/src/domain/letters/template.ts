// What a landlord may change in its letters: how residents reach its complaints team, who signs,
// and a paragraph of its own at the start of each kind of letter. A template only ever adds or
// replaces those: it has no say over the sections the Code requires (the definition, 5.6/5.7;
// the dates, 6.2-6.5; the decision, reasons, remedies and actions, 6.9/6.19; how to escalate and
// the Housing Ombudsman's details, 2.4/3.7/6.5/6.16), which each letter builds itself after it.
// Blank means "as configured": a template cannot blank out the landlord's name or contact.
import type { LetterContext, LetterOptions } from './context.ts';

/** The letters a template can open (the engine's letter kinds). */
export const TEMPLATE_LETTER_KINDS = ['acknowledgement', 'extension_notice', 'stage_1_response', 'final_response', 'refusal'] as const;
export type TemplateLetterKind = (typeof TEMPLATE_LETTER_KINDS)[number];

export interface LetterTemplate {
  /** How the sign-off and the stage 2 contact name the team, e.g. "Customer Resolution Team". */
  complaintsTeam?: string;
  phone?: string;
  email?: string;
  website?: string;
  address?: readonly string[];
  /** Signs every letter instead of the member of staff who issues it. */
  signatoryName?: string;
  /** Under the signature, e.g. "Complaints Manager". */
  signatoryTitle?: string;
  /** A paragraph before the letter's own opening, per kind. */
  openings?: Partial<Record<TemplateLetterKind, string>>;
}

export const EMPTY_LETTER_TEMPLATE: LetterTemplate = Object.freeze({});

const given = (value: string | undefined): value is string => value !== undefined && value.trim() !== '';

/** The landlord's contact as letters show it: the template's details where given, else configuration's. */
export function templatedLandlord(landlord: LetterContext['landlord'], template: LetterTemplate): LetterContext['landlord'] {
  return {
    ...landlord,
    ...(given(template.complaintsTeam) ? { complaintsTeam: template.complaintsTeam.trim() } : {}),
    ...(given(template.phone) ? { phone: template.phone.trim() } : {}),
    ...(given(template.email) ? { email: template.email.trim() } : {}),
    ...(given(template.website) ? { website: template.website.trim() } : {}),
    ...(template.address?.some(given) ? { address: template.address.filter(given).map((line) => line.trim()) } : {}),
  };
}

/** The context and options a letter of this kind renders with under the template. The Ombudsman's details are never the template's. */
export function applyLetterTemplate(
  kind: TemplateLetterKind,
  context: LetterContext,
  options: LetterOptions,
  template: LetterTemplate,
): { context: LetterContext; options: LetterOptions } {
  const opening = template.openings?.[kind];
  return {
    context: { landlord: templatedLandlord(context.landlord, template), ombudsman: context.ombudsman },
    options: {
      ...options,
      ...(given(template.signatoryName) ? { signedBy: template.signatoryName.trim() } : {}),
      ...(given(template.signatoryTitle) ? { signerTitle: template.signatoryTitle.trim() } : {}),
      ...(given(opening) ? { opening: opening.trim() } : {}),
    },
  };
}
