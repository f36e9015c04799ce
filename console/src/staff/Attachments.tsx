// A message's attachments, in the triage conversation view and the case timeline alike.
import type { TConversationMessage } from '@complaints/server/schemas';
import { attachmentView } from './attachments.ts';

export function Attachments({ media }: { media: TConversationMessage['media'] }) {
  if (media.length === 0) return null;
  return (
    <ul className="media" aria-label="Attachments">
      {media.map((item, index) => {
        const view = attachmentView(item, index);
        return (
          <li key={item.id}>
            {view.kind === 'link' ? (
              <a href={view.href} target="_blank" rel="noopener noreferrer">
                {view.label}
              </a>
            ) : (
              view.text
            )}
          </li>
        );
      })}
    </ul>
  );
}
