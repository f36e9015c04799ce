import type { ChatState } from './chatClient.ts';

// A polite live region that is always in the page: each new incoming message is added as its own
// paragraph, so screen readers read every one (the log itself is not live, which would also read
// out the resident's own messages and the whole history on reload).
export function Announcer({ announcements }: { announcements: ChatState['announcements'] }) {
  return (
    <div className="visually-hidden" aria-live="polite">
      {announcements.map((announcement) => (
        <p key={announcement.id}>{announcement.text}</p>
      ))}
    </div>
  );
}
