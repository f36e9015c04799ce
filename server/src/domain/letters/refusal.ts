// 2.1-2.5: a complaint not accepted is explained in writing, with the reason and the resident's
// right to take the decision to the Ombudsman (2.4).
import type { RefusalReason } from '../lifecycle/vocabulary.ts';
import type { Stage } from '../deadlines.ts';
import type { LetterContext, LetterOptions, RenderedLetter } from './context.ts';
import { contactBlock, paragraph, renderLetter } from './layout.ts';

export interface RefusalLetter {
  kind: 'refusal';
  stage: Stage;
  reference: string;
  reasonCode: RefusalReason;
  explanation: string;
}

export function renderRefusalLetter(letter: RefusalLetter, context: LetterContext, options: LetterOptions): RenderedLetter {
  return renderLetter(
    (m) => ({
      reference: letter.reference,
      subject: m.refusal.subject(letter.reference),
      title: m.refusal.title,
      intro: [m.refusal.intro],
      sections: [
        { heading: m.refusal.reasonHeading, blocks: [paragraph(m.refusal.reason(letter.reasonCode))] },
        { heading: m.refusal.explanationHeading, blocks: [paragraph(letter.explanation)] },
        { heading: m.refusal.rightHeading, blocks: [paragraph(m.refusal.right), contactBlock(context.ombudsman)] },
      ],
      sms: m.refusal.sms(context.landlord.name, letter.reference, context.ombudsman.phone),
    }),
    context,
    options,
  );
}
