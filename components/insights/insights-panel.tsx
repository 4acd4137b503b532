"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { ChartColumn, X } from "lucide-react";
import type { ReactNode } from "react";
import { useTRPC } from "@/components/providers/trpc";
import { lifecycleLabels, type LifecycleStage } from "@/components/contacts/fields";
import type { FilterNode } from "@/components/filters/types";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { Skeleton } from "@/components/ui/skeleton";
import { EmptyState, ErrorState } from "@/components/ui/states";
import { BarListChart, ColumnChart, FunnelChart } from "./charts";

const numberFormat = new Intl.NumberFormat("en-US");
const weekFormat = new Intl.DateTimeFormat("en-US", { month: "short", day: "numeric", timeZone: "UTC" });
const stageColors: Record<LifecycleStage, string> = {
  lead: "var(--muted-foreground)", MQL: "oklch(0.62 0.15 255)", SQL: "oklch(0.58 0.17 295)",
  opportunity: "oklch(0.72 0.15 70)", customer: "oklch(0.62 0.13 155)", evangelist: "oklch(0.64 0.11 190)",
};

function Section({ title, hint, children }: { title: string; hint?: string; children: ReactNode }) {
  return (
    <section className="flex flex-col gap-2 border-b border-border px-4 py-4 last:border-b-0">
      <div className="flex items-baseline justify-between gap-2">
        <h3 className="text-[13px] font-semibold">{title}</h3>
        {hint ? <span className="text-[11px] text-muted-foreground">{hint}</span> : null}
      </div>
      {children}
    </section>
  );
}

/**
 * Charts for whatever the table shows (its filter, and the segment on a segment page), computed on
 * the server with the same filter. Clicking a bar narrows the table to it: one more AND condition.
 */
export function InsightsPanel({
  filters,
  segmentId,
  onNarrow,
  onClose,
}: {
  filters: FilterNode | null;
  segmentId?: string;
  onNarrow: (condition: FilterNode) => void;
  onClose: () => void;
}) {
  const trpc = useTRPC();
  const insights = useQuery({ ...trpc.insights.contactInsights.queryOptions({ filters, segmentId }), placeholderData: keepPreviousData });

  let body: ReactNode;
  if (insights.isPending) {
    body = (
      <div className="flex flex-col gap-6 p-4" aria-busy>
        {Array.from({ length: 4 }, (_, index) => (
          <div key={index} className="flex flex-col gap-2">
            <Skeleton className="h-3.5 w-32" />
            <Skeleton className="h-24 w-full" />
          </div>
        ))}
      </div>
    );
  } else if (insights.isError) {
    body = <ErrorState title="Could not compute insights" message={insights.error.message} action={<Button variant="outline" onClick={() => insights.refetch()}>Try again</Button>} />;
  } else if (insights.data.total === 0) {
    body = <EmptyState icon={<ChartColumn />} title="Nothing to chart" description="No contacts match what the table shows." />;
  } else {
    const data = insights.data;
    const narrow = (filter: unknown) => onNarrow(filter as FilterNode);
    body = (
      <>
        <Section title="Lifecycle funnel" hint={`${numberFormat.format(data.total)} contacts`}>
          <FunnelChart
            label="Contacts by lifecycle stage"
            data={data.funnel.map((row) => ({ key: row.stage, label: lifecycleLabels[row.stage as LifecycleStage] ?? row.stage, count: row.count, color: stageColors[row.stage as LifecycleStage] }))}
            onSelect={(index) => narrow(data.funnel[index]!.filter)}
          />
        </Section>
        <Section title="Score distribution" hint="0–100">
          <ColumnChart
            label="Contacts by score"
            data={data.scoreHistogram.map((row) => ({ key: String(row.low), label: `Score ${row.low}–${row.high}`, axisLabel: String(row.low), count: row.count }))}
            onSelect={(index) => narrow(data.scoreHistogram[index]!.filter)}
          />
        </Section>
        <Section title="Top companies">
          {data.topCompanies.length === 0 ? (
            <p className="text-[12px] text-muted-foreground">No company on these contacts.</p>
          ) : (
            <BarListChart
              label="Companies with the most contacts"
              data={data.topCompanies.map((row, index) => ({ key: row.companyId ?? `${row.name}-${index}`, label: row.name ?? "—", count: row.count }))}
              onSelect={(index) => narrow(data.topCompanies[index]!.filter)}
            />
          )}
        </Section>
        <Section title="Top tags">
          {data.topTags.length === 0 ? (
            <p className="text-[12px] text-muted-foreground">No tags on these contacts.</p>
          ) : (
            <BarListChart
              label="Most used tags"
              data={data.topTags.map((row) => ({ key: row.tagId, label: row.name, count: row.count, color: row.color ?? undefined }))}
              onSelect={(index) => narrow(data.topTags[index]!.filter)}
            />
          )}
        </Section>
        <Section title="Added per week" hint="last 26 weeks">
          <ColumnChart
            label="Contacts added per week"
            labelEvery={6}
            data={data.addedPerWeek.map((row) => {
              const day = weekFormat.format(new Date(`${row.weekStart}T00:00:00Z`));
              return { key: row.weekStart, label: `Week of ${day}`, axisLabel: day, count: row.count };
            })}
            onSelect={(index) => narrow(data.addedPerWeek[index]!.filter)}
          />
        </Section>
      </>
    );
  }

  return (
    <aside aria-label="Insights" className="flex w-[360px] shrink-0 flex-col border-l border-border bg-background" data-testid="insights-panel">
      <div className="flex h-10 shrink-0 items-center justify-between border-b border-border px-4">
        <h2 className="text-[13px] font-semibold">Insights</h2>
        <Button variant="ghost" size="icon" aria-label="Close insights" onClick={onClose}>
          <X />
        </Button>
      </div>
      <div className={cn("min-h-0 flex-1 overflow-y-auto", insights.isPlaceholderData && "opacity-60 transition-opacity")}>{body}</div>
      <p className="shrink-0 border-t border-border px-4 py-2 text-[11px] text-muted-foreground">Click a bar to narrow the table to it.</p>
    </aside>
  );
}
