// The pages under /triage: the queue, one conversation, and logging a contact by hand.
import type { TStaffSessionUser } from '@complaints/server/schemas';
import { PageHeading } from '../PageHeading.tsx';
import { ConversationView } from './ConversationView.tsx';
import { LogContact } from './LogContact.tsx';
import { LOG_CONTACT_PATH, TriageScreen } from './TriageScreen.tsx';

const CONVERSATION = /^\/triage\/conversations\/([0-9a-f-]{36})$/i;

export function TriageRoutes({ path, user }: { path: string; user: TStaffSessionUser }) {
  if (path === '/triage') return <TriageScreen user={user} />;
  if (path === LOG_CONTACT_PATH) return <LogContact />;
  const conversation = CONVERSATION.exec(path);
  if (conversation) return <ConversationView id={conversation[1]!} user={user} />;
  return (
    <>
      <PageHeading>Page not available</PageHeading>
      <p>There is no triage page at this address. Choose Triage from the menu.</p>
    </>
  );
}
