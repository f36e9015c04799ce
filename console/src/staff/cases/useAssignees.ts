import { useEffect, useState } from 'react';
import type { TAssignee } from '@complaints/server/schemas';
import { api } from '../../shared/api.ts';

/** Who the server says may be picked (6.13 is applied there, not here). */
export function useAssignees(complaintId: string, purpose: 'handler' | 'escalation' | 'owner') {
  const [assignees, setAssignees] = useState<TAssignee[]>();
  const [error, setError] = useState<string>();
  useEffect(() => {
    api<{ assignees: TAssignee[] }>(`/complaints/${complaintId}/assignees?for=${purpose}`)
      .then((answer) => setAssignees(answer.assignees))
      .catch((caught: unknown) => setError((caught as Error).message));
  }, [complaintId, purpose]);
  return { assignees, error, options: (assignees ?? []).map((a) => ({ value: a.id, label: a.name })) };
}
