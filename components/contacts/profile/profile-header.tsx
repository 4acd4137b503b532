import { Mail, Phone } from "lucide-react";
import { Avatar } from "@/components/ui/avatar";
import { Badge } from "@/components/ui/badge";
import { ContactTags } from "@/components/tags/contact-tags";
import { lifecycleLabels, lifecycleTones } from "../fields";
import { formatRelative } from "../format";
import type { ContactProfile } from "../types";
import { readCompany } from "./company";

function ScoreMeter({ score }: { score: number }) {
  const tone = score >= 70 ? "bg-success" : score >= 40 ? "bg-warning" : "bg-muted-foreground/50";
  return (
    <span className="inline-flex items-center gap-1.5 text-[12px] text-muted-foreground" title="Lead score, 0–100">
      Score
      <span className="relative h-1.5 w-14 overflow-hidden rounded-full bg-muted" aria-hidden>
        <span className={`absolute inset-y-0 left-0 rounded-full ${tone}`} style={{ width: `${Math.max(0, Math.min(100, score))}%` }} />
      </span>
      <span className="font-medium text-foreground tabular-nums" data-testid="contact-score">
        {score}
      </span>
    </span>
  );
}

export function ProfileHeader({ profile }: { profile: ContactProfile }) {
  const company = readCompany(profile);
  const companyName = company.record?.name ?? company.name;
  const subtitle = [profile.title, companyName].filter(Boolean).join(" at ");
  return (
    <header className="flex items-start gap-4 px-6 pt-5 pb-4">
      <Avatar name={profile.fullName} size="lg" />
      <div className="flex min-w-0 flex-1 flex-col gap-1.5">
        <div className="flex flex-wrap items-center gap-2">
          <h1 className="truncate text-[20px] leading-7 font-semibold tracking-tight" data-testid="contact-name">
            {profile.fullName}
          </h1>
          <Badge tone={lifecycleTones[profile.lifecycleStage]} data-testid="contact-lifecycle">
            {lifecycleLabels[profile.lifecycleStage]}
          </Badge>
          {profile.deletedAt ? <Badge tone="red">Deleted</Badge> : null}
        </div>
        {subtitle ? <p className="truncate text-[13px] text-muted-foreground">{subtitle}</p> : null}
        <div className="flex flex-wrap items-center gap-x-4 gap-y-1 text-[12.5px] text-muted-foreground">
          <a href={`mailto:${profile.email}`} className="inline-flex items-center gap-1.5 hover:text-foreground">
            <Mail className="size-3.5" />
            {profile.email}
          </a>
          {profile.phone ? (
            <a href={`tel:${profile.phone}`} className="inline-flex items-center gap-1.5 hover:text-foreground">
              <Phone className="size-3.5" />
              {profile.phone}
            </a>
          ) : null}
          <ScoreMeter score={profile.score} />
          {profile.owner ? <span>Owner: <span className="text-foreground">{profile.owner.name}</span></span> : null}
          {profile.lastActivityAt ? <span>Last activity {formatRelative(profile.lastActivityAt)}</span> : null}
        </div>
        <div className="pt-0.5">
          <ContactTags contactId={profile.id} tags={profile.tags} />
        </div>
      </div>
    </header>
  );
}
