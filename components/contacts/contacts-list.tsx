"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Plus, Users } from "lucide-react";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useState } from "react";
import { DataTable, DataTablePagination } from "@/components/data-table";
import { useTRPC } from "@/components/providers/trpc";
import { Button } from "@/components/ui/button";
import { Skeleton } from "@/components/ui/skeleton";
import { useHydrated } from "@/components/ui/use-hydrated";
import { EmptyState, ErrorState } from "@/components/ui/states";
import { contactColumns } from "./columns";
import { numberFormat } from "./format";
import { NewContactDialog } from "./new-contact-dialog";

const pageSizes = [25, 50, 100] as const;
const defaultPageSize = 50;

/** Table state lives in the URL (`?after=<cursor>&size=50`) so a page can be reloaded, shared and navigated back to. */
function useListParams() {
  const searchParams = useSearchParams();
  const size = Number(searchParams.get("size"));
  return {
    after: searchParams.get("after") || null,
    pageSize: (pageSizes as readonly number[]).includes(size) ? size : defaultPageSize,
  };
}

export function ContactsList() {
  const trpc = useTRPC();
  const router = useRouter();
  const pathname = usePathname();
  const { after, pageSize } = useListParams();
  // The cursors of the pages walked so far, from the first page (null) on. Keyset cursors only point
  // forward, so this is what "Previous" (and the browser's back button) walk back along.
  const [chain, setChain] = useState<{ cursors: Array<string | null>; fromStart: boolean }>(() =>
    after ? { cursors: [null, after], fromStart: false } : { cursors: [null], fromStart: true },
  );
  let pageIndex = chain.cursors.indexOf(after);
  if (pageIndex === -1) {
    // A cursor we never walked to (a pasted link): its position in the list is unknown.
    setChain({ cursors: [null, after], fromStart: false });
    pageIndex = 1;
  }
  const [isCreating, setIsCreating] = useState(false);
  const isHydrated = useHydrated();
  const [createdId, setCreatedId] = useState<string | null>(null);

  const list = useQuery({
    ...trpc.contacts.list.queryOptions({ first: pageSize, after }),
    placeholderData: keepPreviousData,
  });

  const navigate = (next: { after: string | null; pageSize?: number }) => {
    const params = new URLSearchParams();
    if (next.after) params.set("after", next.after);
    const size = next.pageSize ?? pageSize;
    if (size !== defaultPageSize) params.set("size", String(size));
    const query = params.toString();
    router.push(query ? `${pathname}?${query}` : pathname, { scroll: false });
  };

  const goNext = () => {
    // While the next page loads, data is still the previous page's; its cursor would lead back here.
    const endCursor = list.isPlaceholderData ? null : list.data?.pageInfo.endCursor;
    if (!endCursor) return;
    setChain((current) => ({ ...current, cursors: [...current.cursors.slice(0, pageIndex + 1), endCursor] }));
    navigate({ after: endCursor });
  };

  const goPrevious = () => navigate({ after: chain.cursors[pageIndex - 1] ?? null });

  const resetToFirstPage = (nextPageSize?: number) => {
    setChain({ cursors: [null], fromStart: true });
    navigate({ after: null, pageSize: nextPageSize });
  };

  const onCreated = (contact: { id: string }) => {
    setCreatedId(contact.id);
    // The newest contact sorts first, so the first page is where it appears.
    resetToFirstPage();
  };

  const nodes = list.data?.nodes ?? [];
  const totalCount = list.data?.totalCount;

  return (
    <div className="flex h-full flex-col">
      <div className="flex h-14 shrink-0 items-center justify-between gap-4 px-6">
        <div className="flex items-baseline gap-3">
          <h1 className="text-[16px] font-semibold tracking-tight">Contacts</h1>
          <span className="text-[13px] text-muted-foreground tabular-nums" data-testid="contacts-count">
            {totalCount === undefined ? (
              list.isError ? null : <Skeleton className="inline-block h-3.5 w-20 align-middle" />
            ) : (
              // Past the server's exact-count limit the total is the planner's estimate, and says so.
              `${list.data?.totalCountIsEstimate ? "about " : ""}${numberFormat.format(totalCount)} ${totalCount === 1 ? "contact" : "contacts"}`
            )}
          </span>
        </div>
        <div className="flex items-center gap-2">
          <label className="flex items-center gap-2 text-[12px] text-muted-foreground">
            Rows per page
            <select
              value={pageSize}
              onChange={(event) => resetToFirstPage(Number(event.target.value))}
              className="h-7 rounded-md border border-input bg-background px-1.5 text-[12px] text-foreground"
            >
              {pageSizes.map((size) => (
                <option key={size} value={size}>
                  {size}
                </option>
              ))}
            </select>
          </label>
          <Button onClick={() => setIsCreating(true)} disabled={!isHydrated} data-testid="new-contact">
            <Plus />
            New contact
          </Button>
        </div>
      </div>
      <div className="flex min-h-0 flex-1 flex-col border-t border-border">
        <div className="min-h-0 flex-1 overflow-y-auto">
          <DataTable
            aria-label="Contacts"
            columns={contactColumns}
            data={nodes}
            getRowId={(contact) => contact.id}
            rowHref={(contact) => `/contacts/${contact.id}`}
            getRowClassName={(contact) => (contact.id === createdId ? "bg-info/5" : undefined)}
            isLoading={list.isPending}
            className={list.isPlaceholderData ? "opacity-60 transition-opacity" : undefined}
            errorState={
              list.isError ? (
                <ErrorState
                  title="Could not load contacts"
                  message={list.error.message}
                  action={
                    <Button variant="outline" onClick={() => list.refetch()} isLoading={list.isFetching}>
                      Try again
                    </Button>
                  }
                />
              ) : undefined
            }
            emptyState={
              after ? (
                <EmptyState title="No contacts on this page" description="The list changed since this page was opened." action={<Button variant="outline" onClick={() => resetToFirstPage()}>Back to the first page</Button>} />
              ) : (
                <EmptyState
                  icon={<Users />}
                  title="No contacts yet"
                  description="Contacts you add appear here, newest first."
                  action={
                    // Named differently from the header's "New contact" so each button has one accessible name.
                    <Button variant="outline" onClick={() => setIsCreating(true)}>
                      <Plus />
                      Add your first contact
                    </Button>
                  }
                />
              )
            }
          />
        </div>
        {list.isSuccess && (nodes.length > 0 || after !== null) ? (
          <DataTablePagination
            pageIndex={pageIndex === 0 || chain.fromStart ? pageIndex : null}
            pageSize={pageSize}
            pageRowCount={nodes.length}
            totalCount={totalCount}
            hasPreviousPage={after !== null && !list.isPlaceholderData}
            hasNextPage={list.data.pageInfo.hasNextPage && !list.isPlaceholderData}
            onPrevious={goPrevious}
            onNext={goNext}
            isLoadingPage={list.isPlaceholderData}
          />
        ) : null}
      </div>
      <NewContactDialog open={isCreating} onOpenChange={setIsCreating} onCreated={onCreated} />
    </div>
  );
}
