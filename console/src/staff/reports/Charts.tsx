// Charts for people who would rather look than read. They are pictures of the table printed
// under each one (which screen readers and keyboard users get instead), so they are hidden from
// assistive technology and take no focus.
import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, XAxis, YAxis } from 'recharts';

// Okabe-Ito colours: distinguishable with the common colour-vision deficiencies.
export const SERIES_COLOURS = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#000000', '#F0E442'];

interface Series {
  key: string;
  label: string;
}

function Frame({ children }: { children: React.ReactElement }) {
  return (
    <div className="chart" aria-hidden="true">
      <ResponsiveContainer width="100%" height={260}>
        {children}
      </ResponsiveContainer>
    </div>
  );
}

export function TrendChart({ data, series }: { data: Record<string, string | number>[]; series: Series[] }) {
  return (
    <Frame>
      <LineChart data={data} accessibilityLayer={false} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis dataKey="month" />
        <YAxis allowDecimals={false} />
        <Legend />
        {series.map((s, i) => (
          <Line key={s.key} dataKey={s.key} name={s.label} stroke={SERIES_COLOURS[i % SERIES_COLOURS.length]} strokeWidth={2} isAnimationActive={false} />
        ))}
      </LineChart>
    </Frame>
  );
}

type BarChartProps = { data: Record<string, string | number>[]; series: Series[]; category?: string };

function Bars({ data, series, category = 'month', stacked }: BarChartProps & { stacked: boolean }) {
  return (
    <Frame>
      <BarChart data={data} accessibilityLayer={false} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis dataKey={category} />
        <YAxis allowDecimals={false} />
        <Legend />
        {series.map((s, i) => (
          <Bar key={s.key} dataKey={s.key} name={s.label} {...(stacked ? { stackId: 'stack' } : {})} fill={SERIES_COLOURS[i % SERIES_COLOURS.length]} isAnimationActive={false} />
        ))}
      </BarChart>
    </Frame>
  );
}

export function StackedBarChart(props: BarChartProps) {
  return <Bars {...props} stacked />;
}

/** Bars side by side (this period beside the previous one), one group per category. */
export function GroupedBarChart(props: BarChartProps & { category: string }) {
  return <Bars {...props} stacked={false} />;
}
