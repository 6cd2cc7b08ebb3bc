'use client';

import { Bar, CartesianGrid, ComposedChart, Line, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis, type TooltipContentProps } from 'recharts';
import { SERIES_COLORS } from './chart-colors';
import { compactMoneyFormatter } from './compact-money';
import type { TRevenuePoint } from './revenue-chart-data';

type RevenueChartProps = { points: TRevenuePoint[]; currency: string; locale: string };

const AXIS_TICK = { fontSize: 12, fill: '#71717a' };

/**
 * Gross revenue up and refunds down from the axis (stacked by sign, so each bucket is one column),
 * net revenue as a line. Loaded on demand (lazy-charts.tsx): recharts stays out of the page's
 * first load. The enclosing element carries the accessible name and summary.
 */
export default function RevenueChart({ points, currency, locale }: RevenueChartProps) {
  const compact = compactMoneyFormatter(locale, currency);
  const ticks = new Map(points.map((point) => [point.start, point.tick]));
  return (
    <ResponsiveContainer width="100%" height="100%">
      <ComposedChart data={points} stackOffset="sign" margin={{ top: 8, right: 4, bottom: 0, left: 4 }} accessibilityLayer={false}>
        <CartesianGrid vertical={false} stroke="#f0f0f2" />
        <XAxis dataKey="start" tickFormatter={(start: string) => ticks.get(start) ?? start} tickLine={false} axisLine={false} tick={AXIS_TICK} minTickGap={20} tickMargin={8} />
        <YAxis tickFormatter={compact} tickLine={false} axisLine={false} tick={AXIS_TICK} width={76} tickCount={5} />
        <ReferenceLine y={0} stroke="#d4d4d8" />
        <Tooltip content={RevenueTooltip} cursor={{ fill: '#f4f4f5' }} isAnimationActive={false} />
        <Bar dataKey="gross" name="Gross revenue" stackId="cash" fill={SERIES_COLORS.gross} maxBarSize={40} animationDuration={500} radius={[3, 3, 0, 0]} />
        <Bar dataKey="refunds" name="Refunds" stackId="cash" fill={SERIES_COLORS.refunds} maxBarSize={40} animationDuration={500} />
        <Line dataKey="net" name="Net revenue" type="linear" stroke={SERIES_COLORS.net} strokeWidth={2} dot={false} activeDot={{ r: 4 }} animationDuration={500} />
      </ComposedChart>
    </ResponsiveContainer>
  );
}

function RevenueTooltip({ active, payload }: TooltipContentProps) {
  const point = payload?.[0]?.payload as TRevenuePoint | undefined;
  if (!active || !point) return null;
  const rows = [
    { label: 'Gross revenue', value: point.grossText, color: SERIES_COLORS.gross },
    { label: 'Refunds', value: point.refundsText, color: SERIES_COLORS.refunds },
    { label: 'Net revenue', value: point.netText, color: SERIES_COLORS.net },
  ];
  return (
    <div className="min-w-52 rounded-md border border-zinc-200 bg-white px-3 py-2.5 text-xs shadow-lg">
      <p className="mb-2 font-medium text-zinc-900">{point.title}</p>
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
        {rows.map((row) => (
          <div key={row.label} className="contents">
            <dt className="flex items-center gap-1.5 text-zinc-500">
              <span className="size-2 rounded-sm" style={{ backgroundColor: row.color }} />
              {row.label}
            </dt>
            <dd className="text-right font-medium text-zinc-900 tabular-nums">{row.value}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
