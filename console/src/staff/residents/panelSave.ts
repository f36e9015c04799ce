// Every edit in the resident panel answers the whole new panel; a stale copy (409, someone else
// saved first) reloads the panel so the person sees the change the message names.
import { createContext, useContext } from 'react';
import type { TResidentPanel } from '@complaints/server/schemas';
import { api, ApiError } from '../../shared/api.ts';

export type PanelSave = (path: string, method: 'POST' | 'PUT', body: unknown) => Promise<void>;

export const PanelSaveContext = createContext<PanelSave | null>(null);

export function usePanelSave(): PanelSave {
  const save = useContext(PanelSaveContext);
  if (!save) throw new Error('usePanelSave is used outside a ResidentPanel');
  return save;
}

export function panelSaver(residentId: string, onPanel: (panel: TResidentPanel) => void, reload: () => Promise<void>): PanelSave {
  return async (path, method, body) => {
    try {
      onPanel(await api<TResidentPanel>(`/residents/${residentId}${path}`, { method, body }));
    } catch (caught) {
      if (caught instanceof ApiError && caught.code === 'STALE_VERSION') await reload();
      throw caught;
    }
  };
}

/** Form fields as the API wants them: blank inputs are left out. */
export function formValues(form: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of form.entries()) if (typeof value === 'string' && value.trim() !== '') values[key] = value.trim();
  return values;
}
