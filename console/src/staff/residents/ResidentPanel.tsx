// The resident panel, shown beside a conversation or case (put it in an
// <aside aria-label="Resident">): identity and channels, representatives and consent (3.6),
// adjustments and disclosures under review (5.10), contact restrictions (5.14) and the resident's
// complaints and service requests. It stays live: another person's edit or a complaint event for
// this resident updates it in place.
import { useCallback, useEffect, useMemo, useState } from 'react';
import { RESIDENT_UPDATED_EVENT, type TResidentPanel } from '@complaints/server/schemas';
import { api } from '../../shared/api.ts';
import { useStaffEvents } from '../live/staffSocket.ts';
import { Adjustments, Disclosures } from './Adjustments.tsx';
import { panelSaver, PanelSaveContext } from './panelSave.ts';
import { Representatives } from './Representatives.tsx';
import { ResidentDetails } from './ResidentDetails.tsx';
import { ResidentHistory } from './ResidentHistory.tsx';
import { Restrictions } from './Restrictions.tsx';
import '../cases/cases.css';
import './residentPanel.css';

export function ResidentPanel({ residentId }: { residentId: string }) {
  const [panel, setPanel] = useState<TResidentPanel>();
  const [error, setError] = useState<string>();
  const [announcement, setAnnouncement] = useState('');

  const load = useCallback(async () => {
    try {
      setPanel(await api<TResidentPanel>(`/residents/${residentId}`));
      setError(undefined);
    } catch (caught) {
      setError((caught as Error).message);
    }
  }, [residentId]);
  useEffect(() => {
    void load();
  }, [load]);

  useStaffEvents((type, payload) => {
    if (type === RESIDENT_UPDATED_EVENT) {
      const next = payload.resident as TResidentPanel | undefined;
      if (next?.id !== residentId) return;
      setPanel((current) => (current && current.version === next.version && JSON.stringify(current) === JSON.stringify(next) ? current : next));
      setAnnouncement('The resident’s details were updated.');
      return;
    }
    const complaint = payload.complaint as { residentId?: string } | undefined;
    if ((type.startsWith('complaint.') && complaint?.residentId === residentId) || (type.startsWith('channel.') && payload.residentId === residentId)) void load();
  });

  const save = useMemo(() => panelSaver(residentId, setPanel, load), [residentId, load]);

  if (error && !panel) {
    return (
      <p role="alert" className="error">
        {error}
      </p>
    );
  }
  if (!panel) return <p aria-busy="true">Loading the resident…</p>;
  return (
    <PanelSaveContext.Provider value={save}>
      <div className="resident-panel">
        <p aria-live="polite" className="visually-hidden">
          {announcement}
        </p>
        <ResidentDetails panel={panel} />
        <Restrictions restrictions={panel.restrictions} />
        <Representatives representatives={panel.representatives} />
        <Adjustments adjustments={panel.adjustments} />
        <Disclosures disclosures={panel.disclosures} />
        <ResidentHistory panel={panel} />
      </div>
    </PanelSaveContext.Provider>
  );
}
