// 5.6 / 5.7: the definition of the current stage can be drafted before the acknowledgement and
// corrected while the complaint is investigated (e.g. after asking the resident). Once the
// response has restated it (6.9(b) / 6.19(b)) it is part of the record and stays as issued.
import type { CaseSnapshot } from '../domain/index.ts';

export function definitionEditable(c: Pick<CaseSnapshot, 'status'>): boolean {
  return c.status === 'received' || c.status === 'acknowledged';
}
