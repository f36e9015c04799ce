// 8.1(b): the qualitative part of the analysis, written from the figures themselves (volumes,
// timeliness, outcomes, themes, refusals) so it never says more than the data shows.
import { STAGE_LABELS } from '../labels.ts';
import { formatPercent, formatPounds } from './labels.ts';
import type { PerformanceReport } from './performanceReport.ts';
import { REFUSAL_REASON_REPORT_LABELS } from './refusals.ts';
import { UNCATEGORISED } from './breakdowns.ts';

const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`;

export function performanceCommentary(r: PerformanceReport): string[] {
  const lines: string[] = [];
  const { ch01, ch02 } = r;
  lines.push(
    `${plural(ch01.stage1.received, 'complaint')} ${ch01.stage1.received === 1 ? 'was' : 'were'} accepted at stage 1 and ${plural(ch01.stage2.received, 'complaint')} escalated to stage 2` +
      (ch01.homes ? `: ${ch01.stage1.perThousandHomes?.toFixed(1)} and ${ch01.stage2.perThousandHomes?.toFixed(1)} per 1,000 homes.` : '.') +
      ' A high number of complaints is not in itself a bad sign (3.3): it can show that residents know how to complain and trust the process.',
  );
  const before = r.comparison;
  const receivedBefore = before.categories.reduce((sum, c) => sum + c.previous, 0);
  if (receivedBefore === 0 && before.ch02.stage1.responded + before.ch02.stage2.responded === 0) {
    lines.push(`No complaints were recorded in the previous period, ${before.previous.label}, to compare with.`);
  } else {
    const timeliness =
      ch02.stage1.percent !== null && before.ch02.stage1.percent !== null
        ? `; ${formatPercent(ch02.stage1.percent)} of stage 1 responses were within the Code's timescales, against ${formatPercent(before.ch02.stage1.percent)}`
        : '';
    lines.push(
      `Compared with the previous period, ${before.previous.label}: ${ch01.stage1.received.toLocaleString('en-GB')} complaints accepted at stage 1 against ${before.ch01.stage1.received.toLocaleString('en-GB')}, ` +
        `and ${ch01.stage2.received.toLocaleString('en-GB')} escalated to stage 2 against ${before.ch01.stage2.received.toLocaleString('en-GB')}${timeliness}.`,
    );
  }
  for (const stage of ['stage_1', 'stage_2'] as const) {
    const f = stage === 'stage_1' ? ch02.stage1 : ch02.stage2;
    if (f.responded === 0) continue;
    const times = r.responses[stage];
    const ext = r.extensions.byStage[stage];
    lines.push(
      `${STAGE_LABELS[stage]}: ${f.withinTimescale} of ${f.responded} responses (${formatPercent(f.percent)}) were within the Code's timescales; ` +
        `responses took ${times.meanWorkingDays} working days on average from receipt, and 9 in 10 took ${times.p90WorkingDays} or fewer. ` +
        (ext.extensions ? `${plural(ext.extensions, 'extension')} ${ext.extensions === 1 ? 'was' : 'were'} used${ext.beyondLimit ? `, ${ext.beyondLimit} beyond the Code's limit` : ''}.` : 'No extensions were used.'),
    );
  }
  const s1 = r.outcomes.stage_1;
  const decided = s1.upheld + s1.partly_upheld + s1.not_upheld;
  if (decided > 0) {
    lines.push(
      `Of ${plural(decided, 'stage 1 decision')}, ${s1.upheld} upheld the complaint and ${s1.partly_upheld} upheld it in part (${formatPercent(Math.round(((s1.upheld + s1.partly_upheld) / decided) * 1000) / 10)}). ` +
        `${plural(r.remedies.offered, 'remedy', 'remedies')} ${r.remedies.offered === 1 ? 'was' : 'were'} offered, including ${formatPounds(r.remedies.financialOfferedPence)} in compensation; ${formatPounds(r.remedies.compensationPaidPence)} was paid in the period.`,
    );
  }
  const themes = r.breakdowns.categories.filter((c) => c.category !== UNCATEGORISED);
  if (themes.length > 0 && r.breakdowns.received > 0) {
    const top = themes.slice(0, 3).map((c) => `${c.category} (${c.received}, ${formatPercent(Math.round((c.received / r.breakdowns.received) * 1000) / 10)})`);
    lines.push(`The most common subjects were ${top.join(', ')}.`);
  }
  if (r.refusals.total > 0) {
    const [reason, count] = Object.entries(r.refusals.byReason).sort((a, b) => b[1] - a[1])[0] as [keyof typeof REFUSAL_REASON_REPORT_LABELS, number];
    lines.push(`${plural(r.refusals.total, 'complaint')} ${r.refusals.total === 1 ? 'was' : 'were'} not accepted or not escalated; the most common reason was: ${REFUSAL_REASON_REPORT_LABELS[reason].toLowerCase()} (${count}).`);
  }
  const open = r.openAtEnd.stage_1.open + r.openAtEnd.stage_2.open;
  if (open > 0) {
    const overdue = r.openAtEnd.stage_1.overdue + r.openAtEnd.stage_2.overdue;
    lines.push(`On ${r.asOf}, ${plural(open, 'complaint')} ${open === 1 ? 'was' : 'were'} still waiting for a response, ${overdue} of them past the Code's due date.`);
  }
  return lines;
}
