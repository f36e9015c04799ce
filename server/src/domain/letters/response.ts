// The stage 1 response (6.9) and the stage 2 final response (6.19): (a) the stage, (b) the
// complaint definition, (c) the decision, (d) the reasons, (e) any remedy, (f) outstanding
// actions, (g) how to escalate: to stage 2 after stage 1, to the Ombudsman after stage 2.
import type { CivilDate } from '../civilDate.ts';
import type { ComplaintDefinition } from '../lifecycle/caseSnapshot.ts';
import type { Decision, RemedyKind } from '../lifecycle/vocabulary.ts';
import type { Stage } from '../deadlines.ts';
import type { LetterContext, LetterOptions, RenderedLetter } from './context.ts';
import type { LetterSection } from './layout.ts';
import { contactBlock, definitionSections, list, paragraph, renderLetter } from './layout.ts';

export interface ResponseLetter {
  kind: 'stage_1_response' | 'final_response';
  stage: Stage;
  reference: string;
  definition: ComplaintDefinition;
  decision: Decision;
  reasons: string;
  remedies: readonly { kind: RemedyKind; description: string; amountPence: number | null; dueOn: CivilDate; done: boolean }[];
  outstandingActions: readonly { description: string; dueOn: CivilDate }[];
}

export function renderResponseLetter(letter: ResponseLetter, context: LetterContext, options: LetterOptions): RenderedLetter {
  return renderLetter(
    (m) => {
      const r = m.response;
      const complaint = definitionSections(letter.definition, m, { responsibility: false });
      const sections: LetterSection[] = [
        { heading: r.complaintHeading, blocks: complaint.flatMap((s) => [paragraph(`${s.heading}:`), ...s.blocks]) },
        { heading: r.decisionHeading, blocks: [paragraph(r.decision(letter.decision))] },
        { heading: r.reasonsHeading, blocks: [paragraph(letter.reasons)] },
        {
          heading: r.remediesHeading,
          blocks: letter.remedies.length
            ? [
                list(
                  letter.remedies.map((x) =>
                    r.remedy(
                      x.description,
                      m.formatDate(x.dueOn),
                      x.amountPence != null ? m.formatMoney(x.amountPence) : null,
                      x.done,
                    ),
                  ),
                ),
              ]
            : [paragraph(r.noRemedies)],
        },
        {
          heading: r.actionsHeading,
          blocks: letter.outstandingActions.length
            ? [list(letter.outstandingActions.map((a) => r.action(a.description, m.formatDate(a.dueOn)))), paragraph(r.actionsFollowUp)]
            : [paragraph(r.noActions)],
        },
      ];
      if (letter.stage === 'stage_1') {
        sections.push({
          heading: r.stage2Heading,
          blocks: [paragraph(r.stage2How), contactBlock(context.landlord), paragraph(r.stage2Contact)],
        });
        sections.push({
          heading: m.common.ombudsmanHeading,
          blocks: [paragraph(m.common.ombudsmanRole), contactBlock(context.ombudsman)],
        });
      } else {
        sections.push({
          heading: r.ombudsmanHeading,
          blocks: [paragraph(r.ombudsmanHow), contactBlock(context.ombudsman)],
        });
      }
      return {
        reference: letter.reference,
        subject: r.subject(letter.reference, letter.stage),
        title: r.title(letter.stage),
        intro: [r.intro(letter.stage)],
        sections,
        sms: r.sms(context.landlord.name, letter.reference, letter.stage, letter.decision, context.ombudsman.phone),
      };
    },
    context,
    options,
  );
}
