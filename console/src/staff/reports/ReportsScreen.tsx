// /reports: the complaint handling figures for the governing body and the Member Responsible for
// Complaints (9.7), the Regulator's TSMs CH01 and CH02, and the exports (8.1). Loaded lazily so
// the chart library stays out of the rest of the console and never reaches the resident chat.
import { useEffect, useState } from 'react';
import {
  ADJUSTMENT_KIND_LABELS,
  CHANNEL_LABELS,
  DECISION_LABELS,
  REFUSAL_REASON_REPORT_LABELS,
  REMEDY_KIND_LABELS,
  REPORT_CHANNELS,
  comparisonRows,
  formatChange,
  formatPercent,
  formatPounds,
  type TPerformanceReport,
} from '@complaints/server/schemas';
import { api } from '../../shared/api.ts';
import { navigate } from '../navigation.ts';
import { PageHeading } from '../PageHeading.tsx';
import { GroupedBarChart, StackedBarChart, TrendChart } from './Charts.tsx';
import { DataTable, num } from './DataTable.tsx';
import { PeriodPicker, periodQuery, type PeriodChoice } from './PeriodPicker.tsx';

const STAGES = ['stage_1', 'stage_2'] as const;
const oneDecimal = (value: number | null) => (value === null ? '–' : value.toFixed(1));
const dateLabel = (day: string) => new Date(`${day}T12:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });

function Figures({ r, query }: { r: TPerformanceReport; query: string }) {
  const b = r.breakdowns;
  const trend = b.months.map((m, i) => ({ month: m.label, stage1: b.receivedByMonth.stage1[i] ?? 0, stage2: b.receivedByMonth.stage2[i] ?? 0 }));
  const categorySeries = b.categories.map((c, i) => ({ key: `c${i}`, label: c.category }));
  const categoryData = b.months.map((m, i) => Object.fromEntries([['month', m.label], ...b.categories.map((c, j) => [`c${j}`, c.byMonth[i] ?? 0])]));
  const previous = r.comparison.previous;
  const categoryComparison = r.comparison.categories.map((c) => ({ category: c.category, now: c.received, before: c.previous }));
  const channelData = REPORT_CHANNELS.filter((ch) => b.channels[ch] > 0).map((ch) => ({ channel: CHANNEL_LABELS[ch], complaints: b.channels[ch] }));
  return (
    <>
      <ul className="actions report-links">
        <li>
          <a href={`/api/reports/annual?${query}`} target="_blank" rel="noopener">
            Annual report for the governing body (printable; opens in a new tab)
          </a>
        </li>
        <li>
          <a href={`/api/reports/cases.csv?${query}`} download>
            Download the case list (CSV)
          </a>
        </li>
      </ul>

      <section aria-labelledby="tsm-heading">
        <h2 id="tsm-heading">Tenant Satisfaction Measures</h2>
        {r.ch01.homes === null && (
          <p className="hint">
            Per 1,000 homes needs the number of homes:{' '}
            <a
              href="/admin/settings"
              onClick={(event) => {
                event.preventDefault();
                navigate('/admin/settings');
              }}
            >
              set it in Settings
            </a>
            .
          </p>
        )}
        <DataTable
          caption="CH01 and CH02 (Regulator of Social Housing)"
          head={['Measure', 'Stage 1', 'Stage 2']}
          rows={[
            ['CH01 complaints received', num(r.ch01.stage1.received), num(r.ch01.stage2.received)],
            [`CH01 per 1,000 homes${r.ch01.homes ? ` (${num(r.ch01.homes)} homes)` : ''}`, oneDecimal(r.ch01.stage1.perThousandHomes), oneDecimal(r.ch01.stage2.perThousandHomes)],
            ['CH02 responses issued', num(r.ch02.stage1.responded), num(r.ch02.stage2.responded)],
            ['CH02 within Code timescales', formatPercent(r.ch02.stage1.percent), formatPercent(r.ch02.stage2.percent)],
          ]}
        />
      </section>

      <section aria-labelledby="trend-heading">
        <h2 id="trend-heading">Compared with the previous period</h2>
        <p>
          The same figures for {previous.label}, worked out by the same rules.
        </p>
        <DataTable caption={`Compared with the previous period: ${previous.label}`} head={['Measure', 'This period', 'Previous period', 'Change']} rows={comparisonRows(r)} />
        {categoryComparison.length > 0 && (
          <figure>
            <figcaption>Complaints by category, this period beside the previous one (bar chart; the table below has the same figures)</figcaption>
            <GroupedBarChart data={categoryComparison} series={[{ key: 'now', label: 'This period' }, { key: 'before', label: 'Previous period' }]} category="category" />
          </figure>
        )}
        <DataTable
          caption={`Complaints by category, compared with the previous period: ${previous.label}`}
          head={['Category', 'This period', 'Previous period', 'Change']}
          rows={r.comparison.categories.map((c) => [c.category, num(c.received), num(c.previous), formatChange(c.change)])}
        />
      </section>

      <section aria-labelledby="timeliness-heading">
        <h2 id="timeliness-heading">Timeliness</h2>
        <DataTable
          caption="Acknowledgements, responses and extensions"
          head={['', 'Stage 1', 'Stage 2']}
          rows={[
            ['Acknowledged', ...STAGES.map((s) => num(r.acknowledgements[s].acknowledged))],
            ['Acknowledged within 5 working days', ...STAGES.map((s) => `${num(r.acknowledgements[s].withinFiveWorkingDays)} (${formatPercent(r.acknowledgements[s].percent)})`)],
            ['Responses', ...STAGES.map((s) => num(r.responses[s].responded))],
            ['Within the Code timescale (with extensions)', ...STAGES.map((s) => num(r.responses[s].withinTimescale))],
            ['Within 10 / 20 working days, no extension', ...STAGES.map((s) => num(r.responses[s].withoutExtension))],
            ['Late', ...STAGES.map((s) => num(r.responses[s].late))],
            ['Average working days to respond', ...STAGES.map((s) => oneDecimal(r.responses[s].meanWorkingDays))],
            ['90th percentile working days', ...STAGES.map((s) => num(r.responses[s].p90WorkingDays))],
            ['Extensions used', ...STAGES.map((s) => num(r.extensions.byStage[s].extensions))],
            ['Extensions beyond the Code limit', ...STAGES.map((s) => num(r.extensions.byStage[s].beyondLimit))],
            [`Waiting for a response on ${dateLabel(r.asOf)}`, ...STAGES.map((s) => num(r.openAtEnd[s].open))],
            ['… of which overdue', ...STAGES.map((s) => num(r.openAtEnd[s].overdue))],
          ]}
        />
        {r.extensions.reasons.length > 0 && (
          <DataTable caption="Why extensions were needed" head={['Reason given', 'Extensions']} rows={r.extensions.reasons.map((x) => [x.reason, num(x.count)])} />
        )}
      </section>

      <section aria-labelledby="received-heading">
        <h2 id="received-heading">Complaints received</h2>
        <figure>
          <figcaption>Complaints received each month, by stage (line chart; the table below has the same figures)</figcaption>
          <TrendChart data={trend} series={[{ key: 'stage1', label: 'Stage 1' }, { key: 'stage2', label: 'Stage 2' }]} />
        </figure>
        <DataTable scrolls caption="Complaints received each month" head={['Month', 'Stage 1', 'Stage 2']} rows={trend.map((t) => [t.month, num(t.stage1), num(t.stage2)])} />
      </section>

      <section aria-labelledby="categories-heading">
        <h2 id="categories-heading">What complaints were about</h2>
        <p>{num(b.received)} complaints came in during the period, including any not accepted.</p>
        {categorySeries.length > 0 && (
          <figure>
            <figcaption>Complaints by category each month (stacked bars; the table below has the same figures)</figcaption>
            <StackedBarChart data={categoryData} series={categorySeries} />
          </figure>
        )}
        <DataTable scrolls caption="Complaints by category each month" head={['Category', ...b.months.map((m) => m.label), 'Total']} rows={b.categories.map((c) => [c.category, ...c.byMonth.map(num), num(c.received)])} />
        {channelData.length > 0 && (
          <figure>
            <figcaption>How complaints reached us (bar chart; the table below has the same figures)</figcaption>
            <StackedBarChart data={channelData} series={[{ key: 'complaints', label: 'Complaints' }]} category="channel" />
          </figure>
        )}
        <DataTable caption="How complaints reached us" head={['Channel', 'Complaints']} rows={REPORT_CHANNELS.map((ch) => [CHANNEL_LABELS[ch], num(b.channels[ch])])} />
        <p>
          Made by a representative: {num(b.representatives.count)} ({formatPercent(b.representatives.percent)}).
        </p>
      </section>

      <section aria-labelledby="outcomes-heading">
        <h2 id="outcomes-heading">Outcomes and putting things right</h2>
        <DataTable caption="Decisions in responses" head={['Decision', 'Stage 1', 'Stage 2']} rows={(['upheld', 'partly_upheld', 'not_upheld'] as const).map((d) => [DECISION_LABELS[d], ...STAGES.map((s) => num(r.outcomes[s][d]))])} />
        <DataTable
          caption="Remedies offered"
          head={['Remedy', 'Offered']}
          rows={[...Object.entries(r.remedies.offeredByKind).filter(([, count]) => count > 0).map(([kind, count]) => [REMEDY_KIND_LABELS[kind as keyof typeof REMEDY_KIND_LABELS], num(count)]), ['All remedies', num(r.remedies.offered)]]}
        />
        <p>
          Compensation offered {formatPounds(r.remedies.financialOfferedPence)} ({num(r.remedies.financialOffered)}); paid in the period {formatPounds(r.remedies.compensationPaidPence)} ({num(r.remedies.compensationPaid)}).
        </p>
      </section>

      <section aria-labelledby="refusals-heading">
        <h2 id="refusals-heading">Complaints not accepted</h2>
        <DataTable caption={`Refusals by reason (${num(r.refusals.atStage1)} at stage 1, ${num(r.refusals.atStage2)} escalations declined)`} head={['Reason', 'Complaints']} rows={Object.entries(r.refusals.byReason).map(([reason, count]) => [REFUSAL_REASON_REPORT_LABELS[reason as keyof typeof REFUSAL_REASON_REPORT_LABELS], num(count)])} />
      </section>

      <section aria-labelledby="adjustments-heading">
        <h2 id="adjustments-heading">Reasonable adjustments</h2>
        <DataTable
          caption={`In place on ${dateLabel(r.adjustments.asOf)}`}
          head={['Adjustment', 'In place']}
          rows={[
            ...Object.entries(r.adjustments.byKind).filter(([, count]) => count > 0).map(([kind, count]) => [ADJUSTMENT_KIND_LABELS[kind as keyof typeof ADJUSTMENT_KIND_LABELS], num(count)]),
            ['All adjustments', num(r.adjustments.inPlace)],
            ['Reviews overdue', num(r.adjustments.reviewsOverdue)],
            ['No review date set', num(r.adjustments.withoutReviewDate)],
          ]}
        />
      </section>

      <section aria-labelledby="learning-heading">
        <h2 id="learning-heading">Learning by category</h2>
        {r.learning.length === 0 && <p>No learning was recorded in the period.</p>}
        {r.learning.map((group) => (
          <section key={group.category} aria-label={`Learning: ${group.category}`}>
            <h3>
              {group.category} ({num(group.total)})
            </h3>
            <ul>
              {group.notes.map((note) => (
                <li key={`${note.reference}-${note.createdOn}`}>
                  {note.body} <span className="muted">({note.reference}, {dateLabel(note.createdOn)})</span>
                </li>
              ))}
            </ul>
          </section>
        ))}
      </section>
    </>
  );
}

export default function ReportsScreen() {
  const [choice, setChoice] = useState<PeriodChoice>({ period: 'this_quarter' });
  const [report, setReport] = useState<TPerformanceReport>();
  const [error, setError] = useState<string>();
  const [loading, setLoading] = useState(true);
  const query = periodQuery(choice);

  useEffect(() => {
    let current = true;
    setLoading(true);
    setError(undefined);
    api<TPerformanceReport>(`/reports/performance?${query}`)
      .then((answer) => current && setReport(answer))
      .catch((caught: unknown) => current && setError((caught as Error).message))
      .finally(() => current && setLoading(false));
    return () => {
      current = false;
    };
  }, [query]);

  return (
    <>
      <PageHeading>Reports</PageHeading>
      <PeriodPicker value={choice} onChange={setChoice} />
      <p role="status" className="report-status">
        {loading ? 'Loading figures…' : report && !error ? `Showing ${report.period.label}.` : ''}
      </p>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {report && !error && <Figures r={report} query={query} />}
    </>
  );
}
