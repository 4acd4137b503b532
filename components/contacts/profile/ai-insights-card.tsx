import { Sparkles } from "lucide-react";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { formatRelative } from "../format";
import type { ContactProfile } from "../types";

export function AiInsightsCard({ insights }: { insights: ContactProfile["aiInsights"] }) {
  const talkingPoints = Array.isArray(insights.talkingPoints) ? insights.talkingPoints.filter((point) => typeof point === "string") : [];
  const hasInsights = Boolean(insights.summary || insights.nextBestAction || talkingPoints.length > 0);
  return (
    <Card data-testid="ai-insights">
      <CardHeader className="flex-row items-center justify-between">
        <CardTitle className="flex items-center gap-1.5">
          <Sparkles className="size-4 text-violet-500" />
          AI insights
        </CardTitle>
        {hasInsights && insights.lastUpdated ? (
          <span className="text-[12px] text-muted-foreground">updated {formatRelative(insights.lastUpdated)}</span>
        ) : null}
      </CardHeader>
      <CardContent className="flex flex-col gap-3 text-[13px]">
        {!hasInsights ? (
          <p className="text-[12.5px] text-muted-foreground">No AI insights yet. A summary and a suggested next step appear here once this contact has been analysed.</p>
        ) : (
          <>
            {insights.summary ? <p className="leading-relaxed">{insights.summary}</p> : null}
            {insights.nextBestAction ? (
              <div className="rounded-md border border-border bg-surface px-3 py-2">
                <div className="text-[11.5px] font-medium tracking-wide text-muted-foreground uppercase">Next best action</div>
                <p className="mt-0.5">{insights.nextBestAction}</p>
              </div>
            ) : null}
            {talkingPoints.length > 0 ? (
              <ul className="list-disc space-y-0.5 pl-4 text-[12.5px] text-muted-foreground">
                {talkingPoints.map((point) => (
                  <li key={point}>{point}</li>
                ))}
              </ul>
            ) : null}
            {typeof insights.engagementScore === "number" ? (
              <p className="text-[12px] text-muted-foreground">Engagement score: {insights.engagementScore}</p>
            ) : null}
          </>
        )}
      </CardContent>
    </Card>
  );
}
