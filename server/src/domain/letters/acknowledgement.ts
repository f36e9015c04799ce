// 6.2 / 6.11: the acknowledgement sets out the complaint definition (5.6), what the landlord is
// and is not responsible for (5.7), when the response is due (6.3 / 6.14) and the Ombudsman's
// role (3.7).
import type { CivilDate } from '../civilDate.ts';
import type { ComplaintDefinition } from '../lifecycle/caseSnapshot.ts';
import type { Stage } from '../deadlines.ts';
import type { LetterContext, LetterOptions, RenderedLetter } from './context.ts';
import { contactBlock, definitionSections, paragraph, renderLetter } from './layout.ts';

export interface AcknowledgementLetter {
  kind: 'acknowledgement';
  stage: Stage;
  reference: string;
  /** Receipt (stage 1) or the escalation request (stage 2). */
  startedOn: CivilDate;
  definition: ComplaintDefinition;
  responseDueOn: CivilDate;
}

export function renderAcknowledgementLetter(
  letter: AcknowledgementLetter,
  context: LetterContext,
  options: LetterOptions,
): RenderedLetter {
  return renderLetter(
    (m) => ({
      reference: letter.reference,
      subject: m.acknowledgement.subject(letter.reference, letter.stage),
      title: m.acknowledgement.title(letter.stage),
      intro: [m.acknowledgement.intro(letter.stage, m.formatDate(letter.startedOn))],
      sections: [
        ...definitionSections(letter.definition, m, { responsibility: true }),
        {
          heading: m.acknowledgement.whenHeading,
          blocks: [paragraph(m.acknowledgement.when(m.formatDate(letter.responseDueOn))), paragraph(m.acknowledgement.misunderstood)],
        },
        {
          heading: m.common.ombudsmanHeading,
          blocks: [paragraph(m.common.ombudsmanRole), contactBlock(context.ombudsman)],
        },
      ],
      sms: m.acknowledgement.sms(context.landlord.name, letter.reference, letter.stage, m.formatShortDate(letter.responseDueOn)),
    }),
    context,
    options,
  );
}
