import {
  Calendar, CircleDot, Clock, Handshake, ListTodo, Mail, MailOpen, MousePointerClick, Phone, PhoneIncoming, Send,
  SquareCheck, StickyNote, Video, type LucideIcon,
} from "lucide-react";

import { Badge } from "@/components/ui/badge";
import { cn } from "@/components/ui/cn";
import { EmptyState } from "@/components/ui/states";
import { formatDateTime, formatRelative } from "../format";
import type { ContactProfile } from "../types";

type Activity = ContactProfile["activities"][number];
type Email = ContactProfile["emails"][number];

interface TimelineItem {
  key: string;
  at: Date;
  icon: LucideIcon;
  tone: string;
  title: string;
  body: string | null;
  meta: string[];
  badge?: string;
}

const activityIcons: Record<Activity["type"], { icon: LucideIcon; tone: string; label: string }> = {
  email_sent: { icon: Send, tone: "text-info", label: "Email sent" },
  email_received: { icon: Mail, tone: "text-info", label: "Email received" },
  email_opened: { icon: MailOpen, tone: "text-info", label: "Email opened" },
  email_clicked: { icon: MousePointerClick, tone: "text-info", label: "Link clicked" },
  meeting_scheduled: { icon: Calendar, tone: "text-violet-500", label: "Meeting scheduled" },
  meeting_held: { icon: Video, tone: "text-violet-500", label: "Meeting held" },
  call_made: { icon: Phone, tone: "text-success", label: "Call made" },
  call_received: { icon: PhoneIncoming, tone: "text-success", label: "Call received" },
  note_added: { icon: StickyNote, tone: "text-warning", label: "Note" },
  task_created: { icon: ListTodo, tone: "text-muted-foreground", label: "Task created" },
  task_completed: { icon: SquareCheck, tone: "text-success", label: "Task completed" },
  deal_stage_changed: { icon: Handshake, tone: "text-amber-600", label: "Deal stage changed" },
  custom: { icon: CircleDot, tone: "text-muted-foreground", label: "Activity" },
};

/** Activities and emails in one stream, newest first. */
export function buildTimeline(activities: readonly Activity[], emails: readonly Email[]): TimelineItem[] {
  const items: TimelineItem[] = [
    ...activities.map((activity): TimelineItem => {
      const kind = activityIcons[activity.type];
      return {
        key: `activity-${activity.id}`,
        at: new Date(activity.occurredAt),
        icon: kind.icon,
        tone: kind.tone,
        title: activity.title || kind.label,
        body: activity.description,
        meta: [kind.label, activity.userName ? `by ${activity.userName}` : null].filter((part): part is string => !!part),
      };
    }),
    ...emails.map((email): TimelineItem => ({
      key: `email-${email.id}`,
      at: new Date(email.sentAt),
      icon: email.direction === "inbound" ? Mail : Send,
      tone: "text-info",
      title: email.subject || "(no subject)",
      body: email.snippet || null,
      meta: [email.direction === "inbound" ? `Email from ${email.fromAddress}` : "Email sent"],
      badge: email.opened ? "Opened" : undefined,
    })),
  ];
  return items.sort((a, b) => b.at.getTime() - a.at.getTime());
}

export function Timeline({ profile }: { profile: ContactProfile }) {
  const items = buildTimeline(profile.activities, profile.emails);
  if (items.length === 0) {
    return (
      <EmptyState
        icon={<Clock />}
        title="No activity yet"
        description="Emails, calls, meetings, notes and tasks with this contact will appear here."
        className="py-10"
      />
    );
  }
  return (
    <ol className="relative flex flex-col" data-testid="timeline">
      {items.map((item, index) => (
        <li key={item.key} className="relative flex gap-3 pb-5 last:pb-0">
          {index < items.length - 1 ? <span aria-hidden className="absolute top-7 bottom-0 left-[13px] w-px bg-border" /> : null}
          <span className={cn("relative z-[1] flex size-7 shrink-0 items-center justify-center rounded-full border border-border bg-background", item.tone)}>
            <item.icon className="size-3.5" />
          </span>
          <div className="flex min-w-0 flex-1 flex-col gap-0.5 pt-0.5">
            <div className="flex items-baseline justify-between gap-3">
              <p className="truncate text-[13px] font-medium">{item.title}</p>
              <time dateTime={item.at.toISOString()} title={formatDateTime(item.at)} className="shrink-0 text-[12px] text-muted-foreground">
                {formatRelative(item.at)}
              </time>
            </div>
            <div className="flex items-center gap-2 text-[12px] text-muted-foreground">
              <span>{item.meta.join(" · ")}</span>
              {item.badge ? <Badge tone="blue">{item.badge}</Badge> : null}
            </div>
            {item.body ? <p className="line-clamp-3 text-[12.5px] text-muted-foreground">{item.body}</p> : null}
          </div>
        </li>
      ))}
    </ol>
  );
}
