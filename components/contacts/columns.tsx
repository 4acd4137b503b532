"use client";

import Link from "next/link";
import { createDataTableColumnHelper } from "@/components/data-table";
import { Badge } from "@/components/ui/badge";
import { Avatar } from "@/components/ui/avatar";
import { lifecycleLabels, lifecycleTones } from "./fields";
import { formatDate, formatRelative } from "./format";
import type { ContactListItem } from "./types";

const column = createDataTableColumnHelper<ContactListItem>();

const empty = <span className="text-muted-foreground/60">—</span>;

export const contactColumns = [
  column.accessor("fullName", {
    header: "Name",
    meta: { width: "21%", skeletonClassName: "w-36" },
    cell: ({ row }) => (
      <Link
        href={`/contacts/${row.original.id}`}
        className="flex min-w-0 items-center gap-2 font-medium text-foreground hover:underline"
        data-testid="contact-link"
      >
        <Avatar name={row.original.fullName} />
        <span className="truncate">{row.original.fullName}</span>
      </Link>
    ),
  }),
  column.accessor("email", {
    header: "Email",
    meta: { width: "22%", skeletonClassName: "w-44", className: "text-muted-foreground" },
  }),
  column.accessor("company", {
    header: "Company",
    meta: { width: "15%", skeletonClassName: "w-24" },
    cell: ({ getValue }) => getValue() ?? empty,
  }),
  column.accessor("title", {
    header: "Job title",
    meta: { width: "15%", skeletonClassName: "w-28" },
    cell: ({ getValue }) => getValue() ?? empty,
  }),
  column.accessor("lifecycleStage", {
    header: "Stage",
    meta: { width: "124px", skeletonClassName: "w-14" },
    cell: ({ getValue }) => <Badge tone={lifecycleTones[getValue()]}>{lifecycleLabels[getValue()]}</Badge>,
  }),
  column.accessor("score", {
    header: "Score",
    meta: { width: "68px", align: "right", skeletonClassName: "w-6 ml-auto" },
  }),
  column.accessor("lastActivityAt", {
    header: "Last activity",
    meta: { width: "112px", skeletonClassName: "w-16", className: "text-muted-foreground" },
    cell: ({ getValue }) => {
      const value = getValue();
      return value ? <time dateTime={value.toISOString()} title={value.toLocaleString()}>{formatRelative(value)}</time> : empty;
    },
  }),
  column.accessor("createdAt", {
    header: "Created",
    meta: { width: "120px", skeletonClassName: "w-16", className: "text-muted-foreground" },
    cell: ({ getValue }) => <time dateTime={getValue().toISOString()}>{formatDate(getValue())}</time>,
  }),
];
