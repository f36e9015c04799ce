// The case view at /cases/:id: everything about one complaint and everything that can be done to
// it, live. The engine decides what is allowed and what the letters say; this page shows it.
import { ResidentPanel } from '../residents/ResidentPanel.tsx';
import { useCallback, useMemo, useRef, useState } from 'react';
import type { TComplaintView, TStaffSessionUser } from '@complaints/server/schemas';
import { PageHeading } from '../PageHeading.tsx';
import { ActionPanel, mayDo } from './ActionPanel.tsx';
import { CaseHeader } from './CaseHeader.tsx';
import { DefinitionEditor, definitionOf } from './DefinitionEditor.tsx';
import { OutstandingItems } from './OutstandingItems.tsx';
import { StaleNotice } from './StaleNotice.tsx';
import { Timeline } from './Timeline.tsx';
import { CaseContext, useCase, useDirty, type CaseContextValue } from './useCase.ts';
import './caseView.css';

const CASE_PATH = /^\/cases\/([0-9a-f-]{36})$/i;

export function caseIdFromPath(path: string): string | undefined {
  return CASE_PATH.exec(path)?.[1];
}

type Operation = TComplaintView['availableOperations'][number];

/** Everything that holds unsaved input; remounted (reset) whenever a new version is shown. */
function CaseBody({ complaint, user, openAction, onOpenAction }: { complaint: TComplaintView; user: TStaffSessionUser; openAction: Operation | undefined; onOpenAction: (op: Operation | undefined) => void }) {
  const [definition, setDefinition] = useState(() => definitionOf(complaint));
  useDirty('definition', JSON.stringify(definition) !== JSON.stringify(definitionOf(complaint)));
  return (
    <>
      <DefinitionEditor complaint={complaint} draft={definition} onChange={setDefinition} editable={mayDo(complaint, user.roles, 'define') && complaint.definitionEditable} />
      <ActionPanel complaint={complaint} roles={user.roles} open={openAction} onOpen={onOpenAction} definition={definition} />
      <OutstandingItems canAct={mayDo(complaint, user.roles, 'completeAction')} />
    </>
  );
}

export function CaseView({ id, user }: { id: string; user: TStaffSessionUser }) {
  const { complaint, error, stale, save, setDirty, reload } = useCase(id);
  const [announcement, setAnnouncement] = useState('');
  const [openAction, setOpenAction] = useState<Operation>();
  const announcementRef = useRef<HTMLParagraphElement>(null);
  const announce = useCallback((message: string, options: { keepActionOpen?: boolean } = {}) => {
    setAnnouncement(message);
    if (!options.keepActionOpen) setOpenAction(undefined);
    // After the form closes, focus goes to what happened rather than to the top of the page.
    requestAnimationFrame(() => announcementRef.current?.focus());
  }, []);
  const context = useMemo<CaseContextValue | null>(() => (complaint ? { complaint, user, save, setDirty, announce } : null), [complaint, user, save, setDirty, announce]);

  if (!complaint || !context) {
    return (
      <>
        <PageHeading>{error ? 'Complaint not available' : 'Loading the complaint'}</PageHeading>
        {error ? (
          <p role="alert" className="error">
            {error}
          </p>
        ) : (
          <p aria-busy="true">Loading…</p>
        )}
      </>
    );
  }

  return (
    <CaseContext.Provider value={context}>
      <PageHeading>{`Complaint ${complaint.reference}`}</PageHeading>
      {stale && <StaleNotice stale={stale} onReload={() => void reload()} />}
      <p ref={announcementRef} tabIndex={-1} role="status" className={announcement ? 'announcement' : 'visually-hidden'}>
        {announcement}
      </p>
      <div className="case-layout">
        <div className="case-main">
          <CaseHeader complaint={complaint} />
          <CaseBody key={complaint.version} complaint={complaint} user={user} openAction={openAction} onOpenAction={setOpenAction} />
          <Timeline complaint={complaint} canAddNotes={mayDo(complaint, user.roles, 'addNote')} />
        </div>
        <aside aria-label="Resident" className="case-aside">
          {complaint.representative && (
            <p className="strong">
              On this complaint, represented by {complaint.representative.name} ({complaint.representative.relationship})
            </p>
          )}
          <ResidentPanel residentId={complaint.residentId} />
        </aside>
      </div>
    </CaseContext.Provider>
  );
}
