"use client";

import { ChevronLeft, ChevronRight } from "lucide-react";
import { Button, Spinner } from "@/components/ui/button";

const numberFormat = new Intl.NumberFormat("en-US");

export interface DataTablePaginationProps {
  /** Zero-based index of the page shown; null when unknown (a page opened from a link to its cursor). */
  pageIndex: number | null;
  pageSize: number;
  /** Rows on the page shown. */
  pageRowCount: number;
  totalCount: number | undefined;
  hasPreviousPage: boolean;
  hasNextPage: boolean;
  onPrevious: () => void;
  onNext: () => void;
  /** The page asked for is loading and the rows shown are still the previous page's. */
  isLoadingPage?: boolean;
}

/** Previous/next over keyset pages: there is no "jump to page N" because cursors only walk forward. */
export function DataTablePagination({
  pageIndex,
  pageSize,
  pageRowCount,
  totalCount,
  hasPreviousPage,
  hasNextPage,
  onPrevious,
  onNext,
  isLoadingPage,
}: DataTablePaginationProps) {
  const offset = (pageIndex ?? 0) * pageSize;
  const range =
    totalCount === undefined || isLoadingPage
      ? "\u00a0"
      : pageIndex === null
        ? `${numberFormat.format(pageRowCount)} of ${numberFormat.format(totalCount)}`
        : `${numberFormat.format(pageRowCount === 0 ? 0 : offset + 1)}–${numberFormat.format(offset + pageRowCount)} of ${numberFormat.format(totalCount)}`;
  return (
    <div className="flex h-11 shrink-0 items-center justify-between border-t border-border px-4 text-[12px] text-muted-foreground">
      <span className="flex items-center gap-2 tabular-nums" data-testid="pagination-range">
        {range}
        {isLoadingPage ? <Spinner className="size-3" /> : null}
      </span>
      <div className="flex items-center gap-1.5">
        <Button variant="outline" size="sm" onClick={onPrevious} disabled={!hasPreviousPage} aria-label="Previous page">
          <ChevronLeft />
          Previous
        </Button>
        <Button variant="outline" size="sm" onClick={onNext} disabled={!hasNextPage} aria-label="Next page">
          Next
          <ChevronRight />
        </Button>
      </div>
    </div>
  );
}
