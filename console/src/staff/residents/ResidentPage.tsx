// /residents/:id - the resident panel on a page of its own.
import { PageHeading } from '../PageHeading.tsx';
import { ResidentPanel } from './ResidentPanel.tsx';

export const RESIDENT_PATH = /^\/residents\/([0-9a-f-]{36})$/i;

export function ResidentPage({ residentId }: { residentId: string }) {
  return (
    <>
      <PageHeading>Resident</PageHeading>
      <aside aria-label="Resident">
        <ResidentPanel residentId={residentId} />
      </aside>
    </>
  );
}
