"use client";

import type { KeyboardEvent } from "react";

const numberFormat = new Intl.NumberFormat("en-US");
const WIDTH = 320;

export interface ChartDatum {
  key: string;
  label: string;
  count: number;
  color?: string;
  /** Shorter text under a column ("Mar 3" for "Week of Mar 3"). */
  axisLabel?: string;
}

/** One clickable mark: a focusable SVG group, announced as "<label>: N contacts". */
function Mark({ datum, onSelect, children }: { datum: ChartDatum; onSelect: () => void; children: React.ReactNode }) {
  const onKeyDown = (event: KeyboardEvent<SVGGElement>) => {
    if (event.key === "Enter" || event.key === " ") {
      event.preventDefault();
      onSelect();
    }
  };
  return (
    <g
      role="button"
      tabIndex={0}
      aria-label={`${datum.label}: ${numberFormat.format(datum.count)} contacts. Narrow the table to these`}
      onClick={onSelect}
      onKeyDown={onKeyDown}
      className="cursor-pointer outline-none [&:focus-visible_.bar]:stroke-[var(--ring)] [&:focus-visible_.bar]:stroke-2 [&:hover_.bar]:opacity-80"
      data-chart-mark={datum.key}
    >
      <title>{`${datum.label}: ${numberFormat.format(datum.count)}`}</title>
      {children}
    </g>
  );
}

/** A funnel: stages top to bottom, each bar centred and as wide as its share of the largest stage. */
export function FunnelChart({ data, onSelect, label }: { data: readonly ChartDatum[]; onSelect: (index: number) => void; label: string }) {
  const row = 26;
  const labelWidth = 86;
  const countWidth = 48;
  const area = WIDTH - labelWidth - countWidth;
  const max = Math.max(1, ...data.map((datum) => datum.count));
  return (
    <svg role="group" aria-label={label} viewBox={`0 0 ${WIDTH} ${data.length * row}`} width="100%" className="overflow-visible text-[11px]">
      {data.map((datum, index) => {
        const width = Math.max(datum.count > 0 ? 2 : 0, (datum.count / max) * area);
        const y = index * row;
        return (
          <Mark key={datum.key} datum={datum} onSelect={() => onSelect(index)}>
            <rect x={0} y={y} width={WIDTH} height={row} fill="transparent" />
            <text x={0} y={y + row / 2} dominantBaseline="middle" fill="var(--muted-foreground)">{datum.label}</text>
            <rect className="bar" x={labelWidth + (area - width) / 2} y={y + 3} width={width} height={row - 6} rx={3} fill={datum.color ?? "var(--info)"} />
            <text x={WIDTH} y={y + row / 2} dominantBaseline="middle" textAnchor="end" fill="var(--foreground)" className="tabular-nums">
              {numberFormat.format(datum.count)}
            </text>
          </Mark>
        );
      })}
    </svg>
  );
}

/** Horizontal bars with the label inside the row, for ranked lists (top companies, top tags). */
export function BarListChart({ data, onSelect, label }: { data: readonly ChartDatum[]; onSelect: (index: number) => void; label: string }) {
  const row = 24;
  const countWidth = 44;
  const area = WIDTH - countWidth;
  const max = Math.max(1, ...data.map((datum) => datum.count));
  return (
    <svg role="group" aria-label={label} viewBox={`0 0 ${WIDTH} ${Math.max(1, data.length) * row}`} width="100%" className="overflow-visible text-[11px]">
      {data.map((datum, index) => {
        const y = index * row;
        const width = Math.max(2, (datum.count / max) * area);
        return (
          <Mark key={datum.key} datum={datum} onSelect={() => onSelect(index)}>
            <rect x={0} y={y} width={WIDTH} height={row} fill="transparent" />
            <rect className="bar" x={0} y={y + 2} width={width} height={row - 4} rx={3} fill={datum.color ?? "var(--info)"} opacity={0.22} />
            <text x={6} y={y + row / 2} dominantBaseline="middle" fill="var(--foreground)">
              {datum.label.length > 38 ? `${datum.label.slice(0, 37)}…` : datum.label}
            </text>
            <text x={WIDTH} y={y + row / 2} dominantBaseline="middle" textAnchor="end" fill="var(--foreground)" className="tabular-nums">
              {numberFormat.format(datum.count)}
            </text>
          </Mark>
        );
      })}
    </svg>
  );
}

/** Vertical columns over an ordered axis (score buckets, weeks), labelling every `labelEvery`-th one. */
export function ColumnChart({
  data, onSelect, label, labelEvery = 1,
}: { data: readonly ChartDatum[]; onSelect: (index: number) => void; label: string; labelEvery?: number }) {
  const height = 110;
  const axis = 16;
  const top = 12;
  const gap = data.length > 15 ? 2 : 4;
  const slot = WIDTH / Math.max(1, data.length);
  const max = Math.max(1, ...data.map((datum) => datum.count));
  return (
    <svg role="group" aria-label={label} viewBox={`0 0 ${WIDTH} ${height + axis}`} width="100%" className="overflow-visible text-[10px]">
      <line x1={0} x2={WIDTH} y1={height} y2={height} stroke="var(--border)" />
      {data.map((datum, index) => {
        const barHeight = datum.count === 0 ? 0 : Math.max(2, (datum.count / max) * (height - top));
        const x = index * slot;
        return (
          <Mark key={datum.key} datum={datum} onSelect={() => onSelect(index)}>
            <rect x={x} y={0} width={slot} height={height} fill="transparent" />
            <rect className="bar" x={x + gap / 2} y={height - barHeight} width={slot - gap} height={barHeight} rx={2} fill={datum.color ?? "var(--info)"} />
            {index % labelEvery === 0 ? (
              <text x={x + slot / 2} y={height + 11} textAnchor="middle" fill="var(--muted-foreground)">
                {datum.axisLabel ?? datum.label}
              </text>
            ) : null}
          </Mark>
        );
      })}
    </svg>
  );
}
