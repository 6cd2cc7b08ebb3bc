'use client';

import { Bar, BarChart, LabelList, ResponsiveContainer, Tooltip, XAxis, YAxis, type TooltipContentProps } from 'recharts';
import { SERIES_COLORS } from './chart-colors';
import { compactMoneyFormatter } from './compact-money';
import type { TPlanPoint } from './plan-mrr-data';

type PlanMrrChartProps = { points: TPlanPoint[]; currency: string; locale: string };

type TickProps = { x?: number | string; y?: number | string; payload?: { value: string } };

/**
 * Horizontal bars of MRR per plan, each labelled with its plan, subscriber count and MRR. Loaded on
 * demand (lazy-charts.tsx); the enclosing element carries the accessible name and summary.
 */
export default function PlanMrrChart({ points, currency, locale }: PlanMrrChartProps) {
  const compact = compactMoneyFormatter(locale, currency);
  const bySlug = new Map(points.map((point) => [point.slug, point]));

  return (
    <ResponsiveContainer width="100%" height="100%">
      <BarChart data={points} layout="vertical" margin={{ top: 0, right: 88, bottom: 0, left: 0 }} barCategoryGap={12} accessibilityLayer={false}>
        <XAxis type="number" hide domain={[0, 'dataMax']} />
        <YAxis type="category" dataKey="slug" width={150} tickLine={false} axisLine={false} tick={(props: TickProps) => planTick(props, bySlug)} interval={0} />
        <Tooltip content={PlanTooltip} cursor={{ fill: '#f4f4f5' }} isAnimationActive={false} />
        <Bar dataKey="mrr" name="MRR" fill={SERIES_COLORS.plan} radius={[0, 4, 4, 0]} maxBarSize={28} animationDuration={500} background={{ fill: '#f4f4f5', radius: 4 }}>
          <LabelList dataKey="mrr" position="right" formatter={(value) => compact(Number(value))} fontSize={12} fill="#3f3f46" />
        </Bar>
      </BarChart>
    </ResponsiveContainer>
  );
}

/** Two lines left of each bar: the plan, and its subscriber count. */
function planTick({ x = 0, y = 0, payload }: TickProps, bySlug: Map<string, TPlanPoint>) {
  const point = payload ? bySlug.get(payload.value) : undefined;
  if (!point) return <g />;
  return (
    <g transform={`translate(${x},${y})`}>
      <text x={-12} y={-3} textAnchor="end" fontSize={13} fontWeight={500} fill="#18181b">
        {point.name}
      </text>
      <text x={-12} y={13} textAnchor="end" fontSize={12} fill="#71717a">
        {point.subscriptionsText}
      </text>
    </g>
  );
}

function PlanTooltip({ active, payload }: TooltipContentProps) {
  const point = payload?.[0]?.payload as TPlanPoint | undefined;
  if (!active || !point) return null;
  return (
    <div className="min-w-52 rounded-md border border-zinc-200 bg-white px-3 py-2.5 text-xs shadow-lg">
      <p className="mb-2 font-medium text-zinc-900">{point.name}</p>
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
        <dt className="text-zinc-500">MRR</dt>
        <dd className="text-right font-medium text-zinc-900 tabular-nums">{point.mrrText}</dd>
        <dt className="text-zinc-500">Subscriptions</dt>
        <dd className="text-right font-medium text-zinc-900 tabular-nums">{point.subscriptions}</dd>
        <dt className="text-zinc-500">Revenue in range</dt>
        <dd className="text-right font-medium text-zinc-900 tabular-nums">{point.revenueText}</dd>
      </dl>
    </div>
  );
}
