"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { Download, FileWarning } from "lucide-react";
import Link from "next/link";
import { useState } from "react";
import { useTRPC, useTRPCClient } from "@/components/providers/trpc";
import { PageHeader } from "@/components/shell/page-header";
import { Badge } from "@/components/ui/badge";
import { Button, buttonClasses } from "@/components/ui/button";
import { Skeleton } from "@/components/ui/skeleton";
import { Alert, EmptyState, ErrorState } from "@/components/ui/states";
import { ImportSummary, IssueTable } from "./import-parts";
import { ImportSettings } from "./import-settings";
import { ProgressPanel } from "./progress-panel";
import { SearchIndexStatus } from "./search-index-status";
import { formatCount, formatWhen, importBadge, undoState } from "./status";
import type { ImportDetail } from "./types";
import { UndoImport } from "./undo-import";
import { useImportProgress } from "./use-import-progress";

const PAGE = 100;

type Severity = "error" | "duplicate" | "warning";
const severityTabs: { id: Severity; label: string; countKey: keyof ImportDetail["issueRows"] }[] = [
  { id: "error", label: "Errors", countKey: "errors" },
  { id: "duplicate", label: "Duplicates", countKey: "duplicates" },
  { id: "warning", label: "Warnings", countKey: "warnings" },
];

/** Problem rows by kind: errors (row refused), duplicates (repeat of an earlier row), warnings (imported, value dropped or fixed). */
function Issues({ importId, issueRows }: { importId: string; issueRows: ImportDetail["issueRows"] }) {
  const trpc = useTRPC();
  const client = useTRPCClient();
  const [severity, setSeverity] = useState<Severity>("error");
  // Pages continue after the last row shown (`afterRow`), which the generated infinite options cannot express.
  const issues = useInfiniteQuery({
    queryKey: [...trpc.imports.issues.pathKey(), importId, severity],
    queryFn: ({ pageParam }) => client.imports.issues.query({ importId, severity, first: PAGE, afterRow: pageParam }),
    initialPageParam: undefined as number | undefined,
    getNextPageParam: (page) => (page.hasMore ? page.nodes.at(-1)?.row : undefined),
  });
  const total = issueRows[severityTabs.find((t) => t.id === severity)!.countKey];
  const rows = issues.data?.pages.flatMap((p) => p.nodes) ?? [];
  return (
    <div className="flex flex-col gap-2">
      <div className="flex gap-1" role="group" aria-label="Kind of problem">
        {severityTabs.map((tab) => (
          <Button key={tab.id} size="sm" variant={tab.id === severity ? "secondary" : "ghost"} aria-pressed={tab.id === severity} onClick={() => setSeverity(tab.id)}>
            {tab.label} <span className="text-muted-foreground tabular-nums">{formatCount(issueRows[tab.countKey])}</span>
          </Button>
        ))}
      </div>
      {issues.isPending ? (
        <Skeleton className="h-24 w-full" />
      ) : issues.isError ? (
        <ErrorState message={issues.error.message} />
      ) : rows.length === 0 ? (
        <EmptyState icon={<FileWarning />} title={`No ${severity === "error" ? "errors" : `${severity}s`}`} className="py-8" />
      ) : (
        <>
          <IssueTable issues={rows} />
          {issues.hasNextPage ? (
            <Button variant="outline" size="sm" className="self-start" isLoading={issues.isFetchingNextPage} onClick={() => void issues.fetchNextPage()}>
              Show more ({formatCount(rows.length)} of {formatCount(total)} rows shown)
            </Button>
          ) : null}
        </>
      )}
    </div>
  );
}

function Meta({ detail }: { detail: ImportDetail }) {
  const started = detail.startedAt ?? detail.createdAt;
  const seconds = detail.finishedAt && started ? Math.max(1, Math.round((new Date(detail.finishedAt).getTime() - new Date(started).getTime()) / 1000)) : null;
  return (
    <dl className="grid grid-cols-2 gap-x-6 gap-y-2 text-[13px] sm:grid-cols-4" data-testid="import-meta">
      <div>
        <dt className="text-muted-foreground">Run by</dt>
        <dd className="font-medium">{detail.startedBy.name}</dd>
      </div>
      <div>
        <dt className="text-muted-foreground">Started</dt>
        <dd>{formatWhen(detail.createdAt)}</dd>
      </div>
      <div>
        <dt className="text-muted-foreground">Finished</dt>
        <dd>
          {formatWhen(detail.finishedAt)}
          {seconds ? <span className="text-muted-foreground"> ({seconds < 120 ? `${seconds} s` : `${Math.round(seconds / 60)} min`})</span> : null}
        </dd>
      </div>
      <div>
        <dt className="text-muted-foreground">Rows in file</dt>
        <dd className="tabular-nums">{formatCount(detail.totalRows)}</dd>
      </div>
    </dl>
  );
}

/** /imports/[id]: what one import did, its problem rows and failed-rows file, live progress while it runs, and undo. */
export function ImportDetailView({ importId }: { importId: string }) {
  const { detail, progress, timeLeft, isActive } = useImportProgress(importId);

  if (detail.isPending) {
    return (
      <div className="flex min-h-0 flex-1 flex-col">
        <PageHeader title="Import" />
        <div className="flex flex-col gap-3 p-6">
          <Skeleton className="h-8 w-72" />
          <Skeleton className="h-20 w-full" />
          <Skeleton className="h-40 w-full" />
        </div>
      </div>
    );
  }
  if (detail.isError) {
    return (
      <div className="flex min-h-0 flex-1 flex-col">
        <PageHeader title="Import" />
        <ErrorState
          title={detail.error.data?.code === "NOT_FOUND" ? "Import not found" : "The import could not be loaded"}
          message={detail.error.message}
          action={
            <Link href="/imports" className={buttonClasses({ variant: "outline" })}>
              All imports
            </Link>
          }
        />
      </div>
    );
  }

  const data = detail.data;
  const undo = undoState(data.undo);
  const badge = importBadge(data.status, undo);
  const problemRows = data.issueRows.errors + data.issueRows.duplicates;
  // A failed or cancelled import may still have written batches before it stopped; those can be undone too.
  const hasWritten = data.counts.created + data.counts.restored + data.counts.updated > 0;

  return (
    <div className="flex min-h-0 flex-1 flex-col">
      <PageHeader
        title={data.fileName}
        description={
          <Badge tone={badge.tone} data-testid="import-status">
            {badge.label}
          </Badge>
        }
        actions={
          <>
            <Link href="/imports" className={buttonClasses({ variant: "ghost", size: "sm" })}>
              All imports
            </Link>
            {!isActive && undo === "none" && hasWritten ? <UndoImport detail={data} /> : null}
          </>
        }
      />
      <div className="flex min-h-0 flex-1 flex-col gap-5 overflow-y-auto p-6">
        <Meta detail={data} />
        {isActive && progress ? <ProgressPanel importId={importId} progress={progress} timeLeft={timeLeft} /> : null}
        {data.error && !isActive ? <Alert>{data.error}</Alert> : null}
        {undo === "running" ? <Alert tone="info">Undoing: removing the contacts this import created and reverting its updates…</Alert> : null}
        {undo === "undone" ? (
          <Alert tone="info">This import was undone{typeof data.undo?.undoneAt === "string" ? ` on ${formatWhen(data.undo.undoneAt)}` : ""}: its contacts were removed and its updates reverted.</Alert>
        ) : null}
        {!isActive ? <ImportSummary counts={data.counts} /> : null}
        {!isActive && data.searchIndexJobId && undo === "none" ? <SearchIndexStatus jobId={data.searchIndexJobId} /> : null}
        <ImportSettings detail={data} />

        <section className="flex flex-col gap-3">
          <div className="flex flex-wrap items-center justify-between gap-2">
            <h2 className="text-[14px] font-semibold">
              Problem rows <span className="font-normal text-muted-foreground tabular-nums">({formatCount(problemRows)})</span>
            </h2>
            {problemRows > 0 && !isActive ? (
              <a href={`/api/imports/${importId}/errors.csv`} download className={buttonClasses({ variant: "outline", size: "sm" })}>
                <Download /> Download failed rows (CSV)
              </a>
            ) : null}
          </div>
          {problemRows > 0 ? (
            <p className="text-[12px] text-muted-foreground">
              The CSV holds each failed row as it was in your file, plus the reason: fix it and import that file again.
            </p>
          ) : null}
          <Issues importId={importId} issueRows={data.issueRows} />
        </section>
      </div>
    </div>
  );
}
