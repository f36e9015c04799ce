import { formatTime } from './format.ts';
import type { StaleNoticeState } from './useCase.ts';

/**
 * Someone else saved this case while you had it open: say who and when, keep your input, offer
 * the reload. Announced (role=alert) but it does not take focus: the person may be mid-sentence.
 */
export function StaleNotice({ stale, onReload }: { stale: StaleNoticeState; onReload: () => void }) {
  const who = stale.by ? `Changed by ${stale.by}` : 'Changed by someone else';
  const when = stale.at ? ` at ${formatTime(stale.at)}` : '';
  return (
    <div role="alert" className="stale-notice">
      <p className="strong">
        {who}
        {when} — reload to see their change.
      </p>
      <p>Your unsaved input is still below and has not been saved. Copy anything you need before reloading, then make your change again.</p>
      <button type="button" onClick={onReload}>
        Reload the case
      </button>
    </div>
  );
}
