// The live letter preview. The letter is a whole HTML document the server escaped throughout; it
// is shown in a sandboxed frame (no scripts, no same-origin access), never in the console's page.
import { LETTER_KIND_LABELS, type TPreviewOperation } from '@complaints/server/schemas';
import { formatCivilDate } from './format.ts';
import { usePreview } from './usePreview.ts';

export function LetterPreview({ complaintId, operation, body, noLetter }: { complaintId: string; operation: TPreviewOperation; body: unknown; noLetter?: string }) {
  const result = usePreview(complaintId, operation, body);
  const headingId = `${operation}-preview-heading`;
  let status: string;
  if (result.state === 'waiting') status = 'Preparing the preview…';
  else if (result.state === 'unavailable') status = `${noLetter ? 'Not ready yet' : 'No letter yet'}: ${result.message}`;
  else if (result.preview.letter) status = `Preview of the ${LETTER_KIND_LABELS[result.preview.letter.kind]?.toLowerCase() ?? 'letter'} is up to date.`;
  else status = 'Ready.';
  const outcome = result.state === 'ready' ? result.preview.outcome.deadline : null;
  return (
    <section className="letter-preview" aria-labelledby={headingId}>
      <h4 id={headingId}>Letter preview</h4>
      {noLetter && <p>{noLetter}</p>}
      <p role="status" className={result.state === 'unavailable' ? 'preview-problem' : 'hint'}>
        {status}
      </p>
      {outcome && (
        <p className="hint">
          Afterwards: {outcome.kind === 'acknowledgement' ? 'acknowledgement' : 'response'} due {formatCivilDate(outcome.dueOn)}.
        </p>
      )}
      {result.state === 'ready' && result.preview.letter && (
        <>
          <iframe className="letter-frame" title={`Letter preview: ${result.preview.letter.subject}`} sandbox="" srcDoc={result.preview.letter.html} />
          <h5>Text message version (SMS or WhatsApp)</h5>
          <p className="sms-text">{result.preview.letter.text}</p>
        </>
      )}
    </section>
  );
}
