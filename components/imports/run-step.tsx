"use client";

import { CircleCheck } from "lucide-react";
import Link from "next/link";
import { buttonClasses } from "@/components/ui/button";
import { Skeleton } from "@/components/ui/skeleton";
import { Alert, ErrorState } from "@/components/ui/states";
import { ImportSummary } from "./import-parts";
import { ProgressPanel } from "./progress-panel";
import { useImportProgress } from "./use-import-progress";

const outcome: Record<string, string> = {
  succeeded: "Import complete",
  failed: "The import failed",
  cancelled: "Import cancelled: rows already written stay until you undo",
};

/** Step 5: follows the import live, then shows what it did and links to its page. */
export function RunStep({ importId, onStartOver }: { importId: string; onStartOver: () => void }) {
  const { detail, progress, timeLeft, isActive } = useImportProgress(importId);

  if (detail.isPending) return <Skeleton className="h-28 w-full" />;
  if (detail.isError) return <ErrorState message={detail.error.message} />;
  if (isActive && progress) return <ProgressPanel importId={importId} fileName={detail.data.fileName} progress={progress} timeLeft={timeLeft} />;

  const data = detail.data;
  return (
    <div className="flex flex-col gap-4" data-testid="import-result">
      <div className="flex items-center gap-2">
        {data.status === "succeeded" ? <CircleCheck className="size-5 text-emerald-600" /> : null}
        <h2 className="text-[15px] font-semibold" role="status">
          {outcome[data.status] ?? data.status}
        </h2>
      </div>
      {data.error ? <Alert>{data.error}</Alert> : null}
      <ImportSummary counts={data.counts} />
      <div className="flex gap-2">
        <Link href={`/imports/${importId}`} className={buttonClasses()}>
          View import details
        </Link>
        <button type="button" className={buttonClasses({ variant: "outline" })} onClick={onStartOver}>
          Import another file
        </button>
      </div>
    </div>
  );
}
