import { Handshake } from "lucide-react";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { formatDate, formatMicros } from "../format";
import type { ContactProfile } from "../types";

type Deal = ContactProfile["deals"][number];

const stageTones: Record<Deal["stage"], BadgeTone> = {
  qualification: "neutral",
  needs_analysis: "blue",
  proposal: "purple",
  negotiation: "amber",
  closed_won: "green",
  closed_lost: "red",
};

const humanize = (value: string) => value.replace(/_/g, " ").replace(/^./, (c) => c.toUpperCase());

export function DealsCard({ deals }: { deals: ContactProfile["deals"] }) {
  return (
    <Card>
      <CardHeader className="flex-row items-center justify-between">
        <CardTitle>Deals</CardTitle>
        <span className="text-[12px] text-muted-foreground tabular-nums">{deals.length}</span>
      </CardHeader>
      <CardContent>
        {deals.length === 0 ? (
          <p className="flex items-center gap-2 text-[12.5px] text-muted-foreground">
            <Handshake className="size-4" />
            No deals with this contact.
          </p>
        ) : (
          <ul className="flex flex-col divide-y divide-border" data-testid="deals">
            {deals.map((deal) => (
              <li key={deal.id} className="flex flex-col gap-1 py-2 first:pt-0 last:pb-0">
                <div className="flex items-center justify-between gap-2">
                  <span className="truncate text-[13px] font-medium">{deal.title}</span>
                  <span className="shrink-0 text-[13px] tabular-nums">{formatMicros(deal.valueMicros, deal.currency)}</span>
                </div>
                <div className="flex flex-wrap items-center gap-2 text-[12px] text-muted-foreground">
                  <Badge tone={stageTones[deal.stage]}>{humanize(deal.stage)}</Badge>
                  <span>{deal.probability}%</span>
                  {deal.expectedCloseDate ? <span>closes {formatDate(deal.expectedCloseDate)}</span> : null}
                  {deal.role ? <span>{humanize(deal.role)}</span> : null}
                </div>
              </li>
            ))}
          </ul>
        )}
      </CardContent>
    </Card>
  );
}
