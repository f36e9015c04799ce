// 8.1: the annual complaints performance and service improvement report, as one printable HTML
// page (save as PDF from the browser's print dialog) for the governing body (8.2, 9.7). Every
// string is escaped; the figures and the commentary come from the PerformanceReport.
import { escapeHtml } from '../letters/layout.ts';
import { STAGES } from '../deadlines.ts';
import { DECISIONS, REFUSAL_REASONS, REMEDY_KINDS } from '../lifecycle/vocabulary.ts';
import { ADJUSTMENT_KINDS } from './adjustments.ts';
import { performanceCommentary } from './commentary.ts';
import { ADJUSTMENT_KIND_LABELS, CHANNEL_LABELS, DECISION_LABELS, REMEDY_KIND_LABELS, STAGE_LABELS } from '../labels.ts';
import { comparisonRows } from './comparison.ts';
import { formatChange, formatPercent, formatPounds } from './labels.ts';
import { formatDay } from './period.ts';
import type { PerformanceReport } from './performanceReport.ts';
import { REFUSAL_REASON_REPORT_LABELS } from './refusals.ts';
import { REPORT_CHANNELS } from './reportCase.ts';

const e = escapeHtml;
const n = (value: number | null) => (value === null ? '–' : value.toLocaleString('en-GB'));
const count = (value: number, one: string, many = `${one}s`) => `${n(value)} ${value === 1 ? one : many}`;

function table(caption: string, head: readonly string[], rows: readonly (readonly (string | number | null)[])[]): string {
  const cell = (v: string | number | null) => (typeof v === 'number' || v === null ? n(v) : e(v));
  return (
    `<table><caption>${e(caption)}</caption><thead><tr>${head.map((h, i) => `<th scope="col"${i ? ' class="num"' : ''}>${e(h)}</th>`).join('')}</tr></thead><tbody>` +
    rows.map((row) => `<tr>${row.map((v, i) => (i === 0 ? `<th scope="row">${cell(v)}</th>` : `<td class="num">${cell(v)}</td>`)).join('')}</tr>`).join('') +
    '</tbody></table>'
  );
}

const STYLE = `
body { font-family: Arial, Helvetica, sans-serif; font-size: 11pt; line-height: 1.45; color: #000; max-width: 50em; margin: 2em auto; padding: 0 1em; }
h1 { font-size: 1.8em; margin-bottom: 0.2em; } h2 { font-size: 1.35em; margin-top: 2em; border-bottom: 2px solid #000; } h3 { font-size: 1.1em; margin-top: 1.5em; }
table { border-collapse: collapse; width: 100%; margin: 1em 0; page-break-inside: avoid; }
caption { text-align: left; font-weight: bold; padding-bottom: 0.3em; }
th, td { border: 1px solid #555; padding: 0.3em 0.5em; text-align: left; vertical-align: top; }
.num { text-align: right; } thead th { background: #e8e8e8; }
.meta { color: #333; } .commentary li { margin-bottom: 0.4em; } blockquote { margin: 0.5em 0 0.5em 1em; padding-left: 0.8em; border-left: 3px solid #999; }
.toolbar { margin: 1em 0; } .toolbar a { font-weight: bold; }
@page { size: A4; margin: 18mm 15mm; }
@media print { body { margin: 0; max-width: none; } .toolbar { display: none; } h2 { page-break-after: avoid; } thead { display: table-header-group; } }
`.trim();

const oneDecimal = (value: number | null) => (value === null ? '–' : value.toFixed(1));

/** 9.7: CH01 and CH02 beside the previous period's, worked out by the same rules. */
function comparisonTable(r: PerformanceReport): string {
  return table(`Compared with the previous period: ${r.comparison.previous.label}`, ['Measure', 'This period', 'Previous period', 'Change'], comparisonRows(r));
}

export interface AnnualReportOptions {
  landlordName: string;
}

export function renderAnnualReportHtml(r: PerformanceReport, options: AnnualReportOptions): string {
  const title = `Complaints performance and service improvement report ${r.period.label}`;
  const perStage = <T,>(pick: (stage: (typeof STAGES)[number]) => T) => STAGES.map((s) => pick(s));
  const sections: string[] = [];

  sections.push(`<h2 id="summary">1. Summary</h2><ul class="commentary">${performanceCommentary(r).map((line) => `<li>${e(line)}</li>`).join('')}</ul>`);

  sections.push(
    `<h2 id="performance">2. Complaint handling performance (8.1b)</h2>` +
      `<p>Working days exclude weekends, England and Wales bank holidays and the landlord's closure days. Timescales are the Complaint Handling Code's: acknowledgement within 5 working days (6.2, 6.11); response within 10 working days of acknowledgement at stage 1 (6.3) and 20 at stage 2 (6.14), with extensions agreed under 6.4 and 6.15.</p>` +
      table('Tenant Satisfaction Measures (Regulator of Social Housing)', ['Measure', 'Stage 1', 'Stage 2'], [
        ['CH01: complaints received', r.ch01.stage1.received, r.ch01.stage2.received],
        [`CH01: complaints received per 1,000 homes${r.ch01.homes ? ` (${n(r.ch01.homes)} homes)` : ' (number of homes not set)'}`, oneDecimal(r.ch01.stage1.perThousandHomes), oneDecimal(r.ch01.stage2.perThousandHomes)],
        ['CH02: responses issued', r.ch02.stage1.responded, r.ch02.stage2.responded],
        ['CH02: responded to within Code timescales', formatPercent(r.ch02.stage1.percent), formatPercent(r.ch02.stage2.percent)],
      ]) +
      comparisonTable(r) +
      table('Timeliness', ['', ...perStage((s) => STAGE_LABELS[s])], [
        ['Acknowledged', ...perStage((s) => r.acknowledgements[s].acknowledged)],
        ['Acknowledged within 5 working days', ...perStage((s) => formatPercent(r.acknowledgements[s].percent))],
        ['Responses within timescale (with extensions)', ...perStage((s) => r.responses[s].withinTimescale)],
        ['Responses within 10 / 20 working days, no extension', ...perStage((s) => r.responses[s].withoutExtension)],
        ['Responses late', ...perStage((s) => r.responses[s].late)],
        ['Average working days from receipt to response', ...perStage((s) => (r.responses[s].meanWorkingDays === null ? '–' : r.responses[s].meanWorkingDays!.toFixed(1)))],
        ['90th percentile working days', ...perStage((s) => r.responses[s].p90WorkingDays)],
        ['Extensions used', ...perStage((s) => r.extensions.byStage[s].extensions)],
        ['Extensions beyond the Code limit', ...perStage((s) => r.extensions.byStage[s].beyondLimit)],
        [`Waiting for a response on ${formatDay(r.asOf)}`, ...perStage((s) => r.openAtEnd[s].open)],
        ['… of which past the Code due date', ...perStage((s) => r.openAtEnd[s].overdue)],
      ]) +
      (r.extensions.reasons.length
        ? table('Why extensions were needed', ['Reason given', 'Extensions'], r.extensions.reasons.map((x) => [x.reason, x.count]))
        : '<p>No extensions were needed.</p>') +
      table('Outcomes of responses', ['Decision', ...perStage((s) => STAGE_LABELS[s])], DECISIONS.map((d) => [DECISION_LABELS[d], ...perStage((s) => r.outcomes[s][d])])) +
      table(
        'Putting things right (7.1)',
        ['Remedy', 'Offered'],
        [...REMEDY_KINDS.filter((k) => r.remedies.offeredByKind[k] > 0).map((k) => [REMEDY_KIND_LABELS[k], r.remedies.offeredByKind[k]] as const), ['All remedies', r.remedies.offered]],
      ) +
      `<p>Compensation offered: ${e(formatPounds(r.remedies.financialOfferedPence))} in ${count(r.remedies.financialOffered, 'financial remedy', 'financial remedies')}. Compensation paid in the period: ${e(formatPounds(r.remedies.compensationPaidPence))} (${count(r.remedies.compensationPaid, 'payment')}).</p>`,
  );

  sections.push(
    `<h2 id="refused">3. Complaints not accepted (8.1b, 2.1–2.5)</h2>` +
      `<p>${count(r.refusals.total, 'complaint')}: not accepted into the procedure ${n(r.refusals.atStage1)}, not escalated to stage 2 ${n(r.refusals.atStage2)}. Each resident was told why in writing and of their right to take the decision to the Housing Ombudsman.</p>` +
      table('Types of complaints refused', ['Reason', 'Complaints'], REFUSAL_REASONS.map((reason) => [REFUSAL_REASON_REPORT_LABELS[reason], r.refusals.byReason[reason]])),
  );

  const b = r.breakdowns;
  sections.push(
    `<h2 id="themes">4. What complaints were about (9.4, 9.7)</h2>` +
      `<p>${count(b.received, 'complaint')} came in during the period (including any not accepted).</p>` +
      table('Complaints received each month, by stage (CH01)', ['Stage', ...b.months.map((m) => m.label), 'Total'], [
        [STAGE_LABELS.stage_1, ...b.receivedByMonth.stage1, r.ch01.stage1.received],
        [STAGE_LABELS.stage_2, ...b.receivedByMonth.stage2, r.ch01.stage2.received],
      ]) +
      table('Complaints by category, month by month', ['Category', ...b.months.map((m) => m.label), 'Total'], b.categories.map((c) => [c.category, ...c.byMonth, c.received])) +
      table(`Complaints by category, compared with the previous period: ${r.comparison.previous.label}`, ['Category', 'This period', 'Previous period', 'Change'], r.comparison.categories.map((c) => [c.category, c.received, c.previous, formatChange(c.change)])) +
      table('How complaints reached us (3.1)', ['Channel', 'Complaints'], REPORT_CHANNELS.map((ch) => [CHANNEL_LABELS[ch], b.channels[ch]])) +
      `<p>Complaints made by a representative for the resident (3.6): ${n(b.representatives.count)} (${e(formatPercent(b.representatives.percent))}).</p>` +
      table(`Reasonable adjustments in place on ${formatDay(r.adjustments.asOf)} (5.10)`, ['Adjustment', 'In place'], [
        ...ADJUSTMENT_KINDS.filter((k) => r.adjustments.byKind[k] > 0).map((k) => [ADJUSTMENT_KIND_LABELS[k], r.adjustments.byKind[k]] as const),
        ['All adjustments', r.adjustments.inPlace],
        ['Reviews overdue', r.adjustments.reviewsOverdue],
        ['No review date set', r.adjustments.withoutReviewDate],
      ]),
  );

  sections.push(
    `<h2 id="learning">5. Learning and service improvement (8.1d, 9.1)</h2>` +
      (r.learning.length
        ? r.learning
            .map((g) => `<h3>${e(g.category)} (${n(g.total)})</h3>` + (g.total > g.notes.length ? `<p>The ${g.notes.length} most recent of ${n(g.total)} notes:</p>` : '') + g.notes.map((note) => `<blockquote><p>${e(note.body)}</p><p class="meta">${e(note.reference)}, ${e(formatDay(note.createdOn))}</p></blockquote>`).join(''))
            .join('')
        : '<p>No learning was recorded in the period.</p>'),
  );

  sections.push(
    `<h2 id="attachments">6. To attach before the report goes to the governing body (8.1, 8.2)</h2>` +
      `<p>These come from outside this system and complete the report the Code requires:</p><ul>` +
      '<li>(a) the annual self-assessment against the Complaint Handling Code;</li>' +
      '<li>(c) any findings of non-compliance with the Code by the Housing Ombudsman;</li>' +
      '<li>(e) any annual report about the landlord’s performance from the Housing Ombudsman;</li>' +
      '<li>(f) any other relevant reports or publications by the Housing Ombudsman about the landlord’s work;</li>' +
      '<li>the governing body’s response, to be published alongside the report (8.2).</li></ul>',
  );

  return (
    `<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">` +
    `<title>${e(title)}</title><style>${STYLE}</style></head><body>` +
    `<main><h1>${e(title)}</h1>` +
    `<p class="meta">${e(options.landlordName)}. Period ${e(formatDay(r.period.from))} to ${e(formatDay(r.period.to))}; produced on ${e(formatDay(r.generatedOn))}${r.asOf < r.period.to ? ` with figures to ${e(formatDay(r.asOf))}` : ''}.</p>` +
    `<p class="toolbar">To save as PDF, use your browser’s Print command and choose “Save as PDF”.</p>` +
    `<nav aria-label="Contents"><h2 id="contents">Contents</h2><ol><li><a href="#summary">Summary</a></li><li><a href="#performance">Complaint handling performance</a></li><li><a href="#refused">Complaints not accepted</a></li><li><a href="#themes">What complaints were about</a></li><li><a href="#learning">Learning and service improvement</a></li><li><a href="#attachments">To attach</a></li></ol></nav>` +
    sections.join('') +
    '</main></body></html>'
  );
}
