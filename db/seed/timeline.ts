import type { activities, emails, LifecycleStage, notes, tasks } from "@/db/schema";
import {
  callOutcomes, emailSnippets, emailSubjects, inboundSnippets, meetingLocations, meetingTitles, noteTemplates, taskTitles,
} from "./data/business";
import type { ContactCore } from "./contacts";
import { DAY, type SeedPlan } from "./layout";
import { seededUuid, type Rng } from "./random";

export type ActivityInsert = typeof activities.$inferInsert;
export type EmailInsert = typeof emails.$inferInsert;
export type NoteInsert = typeof notes.$inferInsert;
export type TaskInsert = typeof tasks.$inferInsert;

export interface Timeline {
  activities: ActivityInsert[];
  emails: EmailInsert[];
  notes: NoteInsert[];
  tasks: TaskInsert[];
  lastActivityAt: Date | null;
  lastContactedAt: Date | null;
}

const eventsByStage: Record<LifecycleStage, number> = { lead: 2, MQL: 4, SQL: 7, opportunity: 10, customer: 13, evangelist: 16 };
const HOUR = 3_600_000;
const WEEKDAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"] as const;

function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (_, key: string) => values[key] ?? "");
}

/** During working hours, on the same day as `at` (or the next morning when `at` is late). */
function workingHours(rng: Rng, at: number): number {
  const day = Math.floor(at / DAY) * DAY;
  return day + rng.int(7, 17) * HOUR + rng.int(0, HOUR - 1);
}

/**
 * A year of history for one contact: emails (with opens and clicks), calls, meetings, notes, tasks and
 * the stage changes of the deals it leads. The contact's lastActivityAt and lastContactedAt are read
 * off the same events, so the list's columns agree with the profile's timeline.
 */
export function buildTimeline(plan: SeedPlan, core: ContactCore): Timeline {
  const { rng, row } = core;
  const ws = plan.workspaceId;
  const i = core.index;
  const now = plan.now.getTime();
  const createdAt = (row.createdAt as Date).getTime();
  const companyId = row.companyId ?? null;
  const owner = plan.members.find((member) => member.id === row.ownerId) ?? plan.members[0]!;
  const firstName = row.firstName ?? "";
  const words = { first: firstName, company: core.company.name.split(" ").slice(0, 2).join(" "), department: (row.department ?? "team").toLowerCase(), seats: String(rng.int(10, 400)) };
  const out: Timeline = { activities: [], emails: [], notes: [], tasks: [], lastActivityAt: null, lastContactedAt: null };
  let sub = 0;
  const activity = (values: Omit<ActivityInsert, "workspaceId" | "id" | "entityType" | "entityId" | "contactId" | "companyId" | "userId"> & Partial<ActivityInsert>) => {
    const at = values.occurredAt as Date;
    if (at.getTime() > now) return;
    out.activities.push({
      workspaceId: ws, id: seededUuid(ws, "activity", i, sub++), entityType: "contact", entityId: row.id!, contactId: row.id!,
      companyId, userId: owner.id, createdAt: at, ...values,
    });
    if (!out.lastActivityAt || at > out.lastActivityAt) out.lastActivityAt = at;
    if ((values.type === "email_sent" || values.type === "call_made" || values.type === "meeting_held") && (!out.lastContactedAt || at > out.lastContactedAt)) {
      out.lastContactedAt = at;
    }
  };

  const age = (now - createdAt) / (365 * DAY);
  const count = Math.round(eventsByStage[row.lifecycleStage ?? "lead"] * (0.3 + 1.4 * rng.next()) * (0.35 + 0.65 * Math.min(1, age)) * plan.activityScale);
  for (let n = 0; n < count; n++) {
    const at = new Date(Math.min(now - 60_000, workingHours(rng, createdAt + rng.next() * (now - createdAt))));
    if (at.getTime() < createdAt) continue;
    const kind = rng.weighted([["outbound", 28], ["inbound", 12], ["call", 16], ["meeting", 10], ["note", 12], ["task", 12]] as const);
    if (kind === "outbound" || kind === "inbound") {
      const emailId = seededUuid(ws, "email", i, n);
      const subject = fill(rng.pick(emailSubjects), { ...words, day: WEEKDAYS[(at.getUTCDay() + rng.int(1, 4)) % 7]! });
      const isOutbound = kind === "outbound";
      const snippet = isOutbound ? rng.pick(emailSnippets) : rng.pick(inboundSnippets);
      const openedAt = isOutbound && rng.chance(0.45) ? new Date(at.getTime() + rng.int(5, 36 * 60) * 60_000) : null;
      const clickedAt = openedAt && rng.chance(0.2) ? new Date(openedAt.getTime() + rng.int(1, 30) * 60_000) : null;
      const isOpenedYet = openedAt !== null && openedAt.getTime() <= now;
      out.emails.push({
        workspaceId: ws, id: emailId, contactId: row.id!, threadId: `${i.toString(36)}-${n}`, direction: isOutbound ? "outbound" : "inbound",
        fromAddress: isOutbound ? owner.email : row.email!, toAddresses: [isOutbound ? row.email! : owner.email],
        subject: isOutbound ? subject : `Re: ${subject.replace(/^Re: /, "")}`, snippet,
        body: `${isOutbound ? `Hi ${firstName},` : `Hi ${owner.name.split(" ")[0]},`}\n\n${snippet}\n\nBest,\n${isOutbound ? owner.name : firstName}`,
        sentAt: at, opened: isOpenedYet, openedAt: isOpenedYet ? openedAt : null, clickedAt: clickedAt && clickedAt.getTime() <= now ? clickedAt : null,
        createdAt: at,
      });
      activity({ type: isOutbound ? "email_sent" : "email_received", title: `${isOutbound ? "Email sent" : "Email received"}: ${subject}`, description: snippet, occurredAt: at, metadata: { emailId, subject } });
      if (openedAt) activity({ type: "email_opened", title: `Opened: ${subject}`, occurredAt: openedAt, metadata: { emailId } });
      if (clickedAt) activity({ type: "email_clicked", title: `Clicked a link in: ${subject}`, occurredAt: clickedAt, metadata: { emailId, url: "https://example.com/pricing" } });
    } else if (kind === "call") {
      const isOutbound = rng.chance(0.8);
      const outcome = isOutbound ? rng.weighted(callOutcomes) : "connected";
      const durationSeconds = outcome === "connected" ? rng.int(120, 2400) : outcome === "voicemail" ? rng.int(20, 60) : 0;
      activity({
        type: isOutbound ? "call_made" : "call_received", title: isOutbound ? `Call with ${firstName}` : `Call from ${firstName}`,
        occurredAt: at, metadata: { outcome, durationSeconds },
      });
    } else if (kind === "meeting") {
      const title = `${rng.pick(meetingTitles)} with ${firstName}`;
      const startsAt = new Date(workingHours(rng, at.getTime() + rng.int(1, 10) * DAY));
      const metadata = { title, startsAt: startsAt.toISOString(), durationMinutes: rng.pick([30, 30, 45, 60]), location: rng.pick(meetingLocations) };
      activity({ type: "meeting_scheduled", title: `Scheduled: ${title}`, occurredAt: at, metadata });
      activity({ type: "meeting_held", title, occurredAt: startsAt, metadata });
    } else if (kind === "note") {
      const noteId = seededUuid(ws, "note", i, n);
      const body = fill(rng.pick(noteTemplates), words);
      out.notes.push({ workspaceId: ws, id: noteId, body, contactId: row.id!, companyId, authorId: owner.id, createdAt: at, updatedAt: at });
      activity({ type: "note_added", title: "Note added", description: body, occurredAt: at, metadata: { noteId } });
    } else {
      const taskId = seededUuid(ws, "task", i, n);
      const title = fill(rng.pick(taskTitles), words);
      const dueAt = new Date(at.getTime() + rng.int(2, 14) * DAY);
      const completedAt = new Date(at.getTime() + rng.int(1, 12) * DAY);
      const isDone = completedAt.getTime() <= now && rng.chance(dueAt.getTime() < now ? 0.8 : 0.25);
      out.tasks.push({
        workspaceId: ws, id: taskId, title, status: isDone ? "done" : "open", dueAt, completedAt: isDone ? completedAt : null,
        assigneeId: owner.id, contactId: row.id!, companyId, createdBy: owner.id, createdAt: at, updatedAt: isDone ? completedAt : at,
      });
      activity({ type: "task_created", title: `Task: ${title}`, occurredAt: at, metadata: { taskId, dueAt: dueAt.toISOString() } });
      if (isDone) activity({ type: "task_completed", title: `Completed: ${title}`, occurredAt: completedAt, metadata: { taskId } });
    }
  }

  for (const link of core.deals) {
    if (!link.isPrimary) continue;
    const deal = link.deal.row;
    for (const change of link.deal.history) {
      activity({
        type: "deal_stage_changed", title: change.from ? `${deal.title}: ${change.from} → ${change.to}` : `Deal created: ${deal.title}`,
        entityType: "deal", entityId: deal.id!, dealId: deal.id!, occurredAt: change.at, userId: deal.ownerId ?? owner.id,
        metadata: { dealId: deal.id, dealTitle: deal.title, from: change.from, to: change.to },
      });
    }
  }
  return out;
}
