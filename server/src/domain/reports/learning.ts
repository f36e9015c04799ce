// 9.1 / 8.1(d): the learning recorded in the period, grouped by category for the governing body.
import type { CivilDate } from '../civilDate.ts';
import { UNCATEGORISED } from './breakdowns.ts';
import { inPeriod, type DateRange } from './period.ts';
import type { ReportLearningNote } from './reportCase.ts';

export interface LearningGroup {
  category: string;
  notes: { reference: string; createdOn: CivilDate; body: string }[];
}

/** Categories with most notes first (ties alphabetical); notes oldest first. */
export function learningByCategory(notes: readonly ReportLearningNote[], period: DateRange): LearningGroup[] {
  const groups = new Map<string, LearningGroup>();
  for (const note of notes) {
    if (!inPeriod(note.createdOn, period)) continue;
    const category = note.category ?? UNCATEGORISED;
    let group = groups.get(category);
    if (!group) {
      group = { category, notes: [] };
      groups.set(category, group);
    }
    group.notes.push({ reference: note.reference, createdOn: note.createdOn, body: note.body });
  }
  for (const group of groups.values()) {
    group.notes.sort((a, b) => a.createdOn.localeCompare(b.createdOn) || a.reference.localeCompare(b.reference));
  }
  return [...groups.values()].sort((a, b) => b.notes.length - a.notes.length || a.category.localeCompare(b.category));
}
