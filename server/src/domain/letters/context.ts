// What a letter needs from outside the case: who the landlord is, how to reach the Housing
// Ombudsman, and the resident's format needs. It comes from configuration; the landlord's letter
// template (template.ts) may give its complaints team's contact, the signature and an opening
// paragraph, never the Ombudsman's details or any of the Code's sections.
import type { CivilDate } from '../civilDate.ts';
import type { MessageCatalogue } from './messages.ts';

export interface PostalContact {
  name: string;
  phone?: string;
  email?: string;
  website?: string;
  /** One line per entry, e.g. ['PO Box 152', 'Liverpool', 'L33 7WQ']. */
  address?: readonly string[];
}

export type OmbudsmanContact = PostalContact;

/** The Housing Ombudsman Service's published contact details; configuration can override them. */
export const DEFAULT_OMBUDSMAN_CONTACT: OmbudsmanContact = Object.freeze({
  name: 'Housing Ombudsman Service',
  phone: '0300 111 3000',
  email: 'info@housing-ombudsman.org.uk',
  website: 'www.housing-ombudsman.org.uk',
  address: Object.freeze(['PO Box 152', 'Liverpool', 'L33 7WQ']),
});

export interface LetterContext {
  /** The landlord and how residents reach its complaints team (also how to ask for stage 2). */
  landlord: PostalContact & { complaintsTeam?: string };
  ombudsman: OmbudsmanContact;
}

export interface LetterOptions {
  /** The day the letter is issued (London). */
  issuedOn: CivilDate;
  /** "Dear …"; omitted gives a neutral greeting. */
  recipientName?: string;
  /** Who signs the letter, e.g. the handler's name. */
  signedBy?: string;
  /** Under the signature, e.g. "Complaints Manager" (the letter template). */
  signerTitle?: string;
  /** The landlord's own paragraph before the letter's opening (the letter template); plain text. */
  opening?: string;
  /** Reasonable adjustments (5.10); large_print changes the HTML. Pass AdjustmentKind values. */
  adjustments?: readonly string[];
  /** BCP 47 language wanted; English is used until a catalogue for it is supplied. */
  language?: string;
  catalogues?: Readonly<Record<string, MessageCatalogue>>;
  /** Where the resident can read the full letter; the short text points to it. */
  fullLetterUrl?: string;
}

export interface RenderedLetter {
  subject: string;
  html: string;
  /** Short version for SMS or WhatsApp. */
  text: string;
  largePrint: boolean;
  /** The language actually used (falls back to 'en'). */
  language: string;
}
