"use client";

import { FileSpreadsheet, Upload } from "lucide-react";
import { useRef, useState, type DragEvent } from "react";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { Alert } from "@/components/ui/states";
import { checkImportFile, uploadFile, type UploadedFile } from "./upload";

function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** Step 1: drop a CSV (or choose one); it uploads at once, with progress, and the wizard moves on. */
export function UploadStep({ onUploaded, isPreparing, error }: { onUploaded: (file: UploadedFile) => void; isPreparing: boolean; error: string | null }) {
  const inputRef = useRef<HTMLInputElement>(null);
  const abortRef = useRef<AbortController | null>(null);
  const [isDragging, setIsDragging] = useState(false);
  const [uploading, setUploading] = useState<{ name: string; size: number; fraction: number } | null>(null);
  const [uploadError, setUploadError] = useState<string | null>(null);

  const start = async (file: File) => {
    const problem = checkImportFile(file);
    if (problem) {
      setUploadError(problem);
      return;
    }
    setUploadError(null);
    setUploading({ name: file.name, size: file.size, fraction: 0 });
    const controller = new AbortController();
    abortRef.current = controller;
    try {
      const uploaded = await uploadFile(file, (fraction) => setUploading((u) => (u ? { ...u, fraction } : u)), controller.signal);
      onUploaded(uploaded);
    } catch (failure) {
      if (!controller.signal.aborted) setUploadError((failure as Error).message);
    } finally {
      setUploading(null);
      abortRef.current = null;
    }
  };

  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setIsDragging(false);
    const file = event.dataTransfer.files[0];
    if (file) void start(file);
  };

  const shownError = uploadError ?? error;
  const isBusy = uploading !== null || isPreparing;

  return (
    <div className="flex flex-col gap-4">
      <div
        onDragOver={(event) => {
          event.preventDefault();
          if (!isBusy) setIsDragging(true);
        }}
        onDragLeave={() => setIsDragging(false)}
        onDrop={(event) => (isBusy ? event.preventDefault() : onDrop(event))}
        className={cn(
          "flex min-h-56 flex-col items-center justify-center gap-3 rounded-lg border-2 border-dashed px-6 py-10 text-center transition-colors",
          isDragging ? "border-primary bg-primary/5" : "border-border bg-surface",
        )}
        data-testid="import-dropzone"
      >
        {uploading ? (
          <div className="flex w-full max-w-sm flex-col gap-2" role="status">
            <div className="flex items-center gap-2 text-[13px]">
              <FileSpreadsheet className="size-4 text-muted-foreground" />
              <span className="truncate font-medium">{uploading.name}</span>
              <span className="ml-auto text-muted-foreground tabular-nums">{formatBytes(uploading.size)}</span>
            </div>
            <div className="h-1.5 overflow-hidden rounded bg-muted" role="progressbar" aria-label="Upload progress" aria-valuenow={Math.round(uploading.fraction * 100)}>
              <div className="h-full bg-primary transition-all" style={{ width: `${Math.round(uploading.fraction * 100)}%` }} />
            </div>
            <div className="flex items-center justify-between text-[12px] text-muted-foreground">
              <span>Uploading… {Math.round(uploading.fraction * 100)}%</span>
              <Button size="sm" variant="ghost" onClick={() => abortRef.current?.abort()}>
                Cancel upload
              </Button>
            </div>
          </div>
        ) : isPreparing ? (
          <p role="status" className="text-[13px] text-muted-foreground">
            Reading the file: detecting its encoding, delimiter and columns…
          </p>
        ) : (
          <>
            <div className="flex size-10 items-center justify-center rounded-lg border border-border bg-background text-muted-foreground">
              <Upload className="size-5" />
            </div>
            <div className="flex flex-col gap-1">
              <p className="text-[14px] font-semibold">Drop a CSV file here</p>
              <p className="text-[13px] text-muted-foreground">
                Exports from HubSpot, Salesforce, Pipedrive, Google, Outlook and LinkedIn are recognised; any other CSV works too.
              </p>
            </div>
            <Button variant="outline" onClick={() => inputRef.current?.click()}>
              Choose file
            </Button>
          </>
        )}
        <input
          ref={inputRef}
          type="file"
          accept=".csv,.tsv,.txt,text/csv,text/plain"
          className="sr-only"
          aria-label="CSV file"
          onChange={(event) => {
            const file = event.target.files?.[0];
            event.target.value = "";
            if (file) void start(file);
          }}
        />
      </div>
      {shownError ? <Alert>{shownError}</Alert> : null}
    </div>
  );
}
