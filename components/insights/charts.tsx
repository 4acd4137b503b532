"use client";

import { Bar, BarChart, Cell, LabelList, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

const numberFormat = new Intl.NumberFormat("en-US");
const DEFAULT_COLOR = "var(--info)";

export interface ChartDatum {
  key: string;
  label: string;
  count: number;
  color?: string;
  /** Shorter text under a column ("Mar 3" for "Week of Mar 3"). */
  axisLabel?: string;
}

interface ChartProps {
  data: readonly ChartDatum[];
  onSelect: (index: number) => void;
  label: string;
}

/**
 * Recharts' bars take pointer clicks only; keyboard users get one button per bar, hidden until it has
 * focus (the skip-link pattern), so every chart narrows the table from the keyboard too.
 */
function KeyboardTargets({ data, onSelect }: Pick<ChartProps, "data" | "onSelect">) {
  return (
    <div className="flex flex-wrap gap-1">
      {data.map((datum, index) => (
        <button
          key={datum.key}
          type="button"
          onClick={() => onSelect(index)}
          className="sr-only rounded border border-border px-1.5 text-[11px] focus:not-sr-only focus:outline-2 focus:outline-[var(--ring)]"
        >
          {`${datum.label}: ${numberFormat.format(datum.count)} contacts. Narrow the table to these`}
        </button>
      ))}
    </div>
  );
}

function ChartTooltip({ active, payload }: { active?: boolean; payload?: ReadonlyArray<{ payload?: ChartDatum }> }) {
  const datum = payload?.[0]?.payload;
  if (!active || !datum) return null;
  return (
    <div className="rounded-md border border-border bg-popover px-2 py-1 text-[11px] shadow-sm">
      <span className="text-muted-foreground">{datum.label}: </span>
      <span className="font-medium tabular-nums">{numberFormat.format(datum.count)}</span>
    </div>
  );
}

const truncate = (text: string, length: number) => (text.length > length ? `${text.slice(0, length - 1)}…` : text);

/** Horizontal bars, one per row, labels on the left and counts on the right: funnels and ranked lists. */
function HorizontalBars({ data, onSelect, label, labelWidth, labelLength }: ChartProps & { labelWidth: number; labelLength: number }) {
  const rows = data.map((datum) => ({ ...datum, shortLabel: truncate(datum.label, labelLength) }));
  return (
    <div role="group" aria-label={label}>
      <ResponsiveContainer width="100%" height={Math.max(1, data.length) * 26 + 4}>
        <BarChart data={rows} layout="vertical" margin={{ top: 0, right: 44, bottom: 0, left: 0 }} barCategoryGap={4}>
          <XAxis type="number" hide domain={[0, "dataMax"]} />
          <YAxis type="category" dataKey="shortLabel" width={labelWidth} tickLine={false} axisLine={false} tick={{ fontSize: 11, fill: "var(--muted-foreground)" }} />
          <Tooltip content={<ChartTooltip />} cursor={{ fill: "var(--accent)" }} isAnimationActive={false} />
          <Bar dataKey="count" radius={3} minPointSize={2} isAnimationActive={false} onClick={(_, index) => onSelect(index)} className="cursor-pointer">
            {rows.map((datum) => (
              <Cell key={datum.key} fill={datum.color ?? DEFAULT_COLOR} data-chart-mark={datum.key} />
            ))}
            <LabelList dataKey="count" position="right" formatter={(value) => numberFormat.format(Number(value))} style={{ fontSize: 11, fill: "var(--foreground)" }} />
          </Bar>
        </BarChart>
      </ResponsiveContainer>
      <KeyboardTargets data={data} onSelect={onSelect} />
    </div>
  );
}

/** A funnel: stages top to bottom, each bar as long as its share of the largest stage. */
export function FunnelChart(props: ChartProps) {
  return <HorizontalBars {...props} labelWidth={86} labelLength={14} />;
}

/** Ranked lists (top companies, top tags). */
export function BarListChart(props: ChartProps) {
  return <HorizontalBars {...props} labelWidth={130} labelLength={22} />;
}

/** Vertical columns over an ordered axis (score buckets, weeks), labelling every `labelEvery`-th one. */
export function ColumnChart({ data, onSelect, label, labelEvery = 1 }: ChartProps & { labelEvery?: number }) {
  const rows = data.map((datum) => ({ ...datum, axis: datum.axisLabel ?? datum.label }));
  return (
    <div role="group" aria-label={label}>
      <ResponsiveContainer width="100%" height={126}>
        <BarChart data={rows} margin={{ top: 8, right: 0, bottom: 0, left: 0 }} barCategoryGap={data.length > 15 ? 1 : 3}>
          <XAxis dataKey="axis" interval={labelEvery - 1} tickLine={false} axisLine={{ stroke: "var(--border)" }} tick={{ fontSize: 10, fill: "var(--muted-foreground)" }} />
          <YAxis hide domain={[0, "dataMax"]} />
          <Tooltip content={<ChartTooltip />} cursor={{ fill: "var(--accent)" }} isAnimationActive={false} />
          <Bar dataKey="count" radius={[2, 2, 0, 0]} isAnimationActive={false} onClick={(_, index) => onSelect(index)} className="cursor-pointer">
            {rows.map((datum) => (
              <Cell key={datum.key} fill={datum.color ?? DEFAULT_COLOR} data-chart-mark={datum.key} />
            ))}
          </Bar>
        </BarChart>
      </ResponsiveContainer>
      <KeyboardTargets data={data} onSelect={onSelect} />
    </div>
  );
}
