"use client";

import { Info } from "lucide-react";
import { useState, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import type { SavedView } from "./views-bar";

const partNames: Record<string, string> = { filters: "filter", sortBy: "sort", columns: "column" };

/** "filters.and[1]" → "filter", "columns[2]" → "column". */
function partOf(path: string): string {
  const head = /^[a-zA-Z]+/.exec(path)?.[0] ?? path;
  return partNames[head] ?? head;
}

function Notice({ children, testId }: { children: ReactNode; testId?: string }) {
  return (
    <div role="status" className="flex items-start gap-2 border-b border-border bg-warning/10 px-4 py-2 text-[13px]" data-testid={testId}>
      <Info className="mt-0.5 size-4 shrink-0 text-warning" />
      <div className="min-w-0 flex-1">{children}</div>
    </div>
  );
}

/**
 * Says what an opened view left out because it names something that no longer exists (a deleted or
 * archived custom field, a deleted segment), and what in the link could not be read.
 */
export function ViewNotices({
  view,
  missingViewId,
  urlProblems,
  missingColumns,
  onSaveWithout,
}: {
  view: SavedView | null;
  missingViewId: string | null;
  urlProblems: readonly string[];
  missingColumns: readonly string[];
  /** Saves the view as it opened, without the parts it dropped. */
  onSaveWithout?: () => Promise<void>;
}) {
  const [saveError, setSaveError] = useState<string | null>(null);
  const [isSaving, setIsSaving] = useState(false);
  const dropped = view?.dropped ?? [];
  const saveWithout = async () => {
    setIsSaving(true);
    setSaveError(null);
    try {
      await onSaveWithout?.();
    } catch (error) {
      setSaveError(error instanceof Error ? error.message : "Could not save the view");
    } finally {
      setIsSaving(false);
    }
  };
  return (
    <>
      {dropped.length > 0 ? (
        <Notice testId="view-dropped-notice">
          <p>
            “{view!.name}” opened without {dropped.length === 1 ? "a part that refers" : "parts that refer"} to something no longer there:
          </p>
          <ul className="mt-0.5 list-disc pl-5 text-muted-foreground">
            {dropped.map((item) => (
              <li key={item.path}>
                the {partOf(item.path)}
                {item.field ? ` on ${item.field}` : ""}: {item.reason}
              </li>
            ))}
          </ul>
          {view!.canEdit && onSaveWithout ? (
            <div className="mt-1.5 flex items-center gap-2">
              <Button variant="outline" size="sm" onClick={saveWithout} isLoading={isSaving}>
                Save the view without them
              </Button>
              {saveError ? <span role="alert" className="text-[12px] text-destructive">{saveError}</span> : null}
            </div>
          ) : null}
        </Notice>
      ) : null}
      {missingViewId ? <Notice testId="view-missing-notice">The view in this link no longer exists, or is private to someone else. Showing all contacts.</Notice> : null}
      {urlProblems.length > 0 ? (
        <Notice>This link’s {urlProblems.join(" and ")} could not be read, so the view’s own are shown instead.</Notice>
      ) : null}
      {missingColumns.length > 0 ? (
        <Notice>
          Columns no longer available: {missingColumns.map((id) => id.replace(/^customFields\./, "")).join(", ")} (the custom field was deleted or archived).
        </Notice>
      ) : null}
    </>
  );
}
