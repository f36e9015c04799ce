// 9.1 / 8.1(d): the learning recorded in the period, grouped by category for the governing body.
import type { CivilDate } from '../civilDate.ts';
import { UNCATEGORISED } from './breakdowns.ts';
import { inPeriod, type DateRange } from './period.ts';
import type { ReportData, ReportLearningNote } from './reportCase.ts';

/** The most recent notes shown per category; the board reads themes, not every case. */
export const LEARNING_NOTES_PER_CATEGORY = 10;

export interface LearningGroup {
  category: string;
  /** Notes recorded in the period for the category. */
  total: number;
  /** The most recent LEARNING_NOTES_PER_CATEGORY, newest first. */
  notes: { reference: string; createdOn: CivilDate; body: string }[];
}

/** Categories with most notes first (ties alphabetical). */
export function learningByCategory(notes: readonly ReportLearningNote[], period: DateRange, totals?: ReportData['learningTotals']): LearningGroup[] {
  const groups = new Map<string, LearningGroup>();
  for (const note of notes) {
    if (!inPeriod(note.createdOn, period)) continue;
    const category = note.category ?? UNCATEGORISED;
    let group = groups.get(category);
    if (!group) {
      group = { category, total: 0, notes: [] };
      groups.set(category, group);
    }
    group.total += 1;
    group.notes.push({ reference: note.reference, createdOn: note.createdOn, body: note.body });
  }
  for (const t of totals ?? []) {
    const group = groups.get(t.category ?? UNCATEGORISED);
    if (group) group.total = t.total;
  }
  for (const group of groups.values()) {
    group.notes.sort((a, b) => b.createdOn.localeCompare(a.createdOn) || a.reference.localeCompare(b.reference));
    group.notes.length = Math.min(group.notes.length, LEARNING_NOTES_PER_CATEGORY);
  }
  return [...groups.values()].sort((a, b) => b.total - a.total || a.category.localeCompare(b.category));
}
