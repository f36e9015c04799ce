// 6.4 / 6.15: the resident is told the new timescale and the reason; 6.5 / 6.16: the notice
// carries the Ombudsman's contact details; 5.9: the agreed interval for updates.
import type { CivilDate } from '../civilDate.ts';
import type { Stage } from '../deadlines.ts';
import { CODE_TIMESCALES } from '../deadlines.ts';
import type { LetterContext, LetterOptions, RenderedLetter } from './context.ts';
import type { Block } from './layout.ts';
import { contactBlock, paragraph, renderLetter } from './layout.ts';

export interface ExtensionNoticeLetter {
  kind: 'extension_notice';
  stage: Stage;
  reference: string;
  previousDueOn: CivilDate;
  newDueOn: CivilDate;
  reason: string;
  goodReason: string | null;
  updateIntervalDays: number | null;
}

export function renderExtensionNotice(
  letter: ExtensionNoticeLetter,
  context: LetterContext,
  options: LetterOptions,
): RenderedLetter {
  return renderLetter(
    (m) => {
      const reasonBlocks: Block[] = [paragraph(letter.reason)];
      if (letter.updateIntervalDays) reasonBlocks.push(paragraph(m.extension.updates(letter.updateIntervalDays)));
      const sections = [{ heading: m.extension.reasonHeading, blocks: reasonBlocks }];
      if (letter.goodReason) {
        sections.push({
          heading: m.extension.goodReasonHeading(CODE_TIMESCALES[letter.stage].extensionLimit.workingDays),
          blocks: [paragraph(letter.goodReason)],
        });
      }
      sections.push({
        heading: m.common.ombudsmanHeading,
        blocks: [paragraph(m.extension.ombudsmanIntro), paragraph(m.common.ombudsmanRole), contactBlock(context.ombudsman)],
      });
      return {
        reference: letter.reference,
        subject: m.extension.subject(letter.reference),
        title: m.extension.title,
        intro: [m.extension.intro(m.formatDate(letter.previousDueOn), m.formatDate(letter.newDueOn))],
        sections,
        sms: m.extension.sms(context.landlord.name, letter.reference, m.formatShortDate(letter.newDueOn), context.ombudsman.phone),
      };
    },
    context,
    options,
  );
}
