"use client";

import { useQueryClient } from "@tanstack/react-query";
import { Copy, Ellipsis, Pencil, Star, StarOff, Trash2, Users, Lock } from "lucide-react";
import { useState, type MouseEvent } from "react";
import type { inferRouterOutputs } from "@trpc/server";
import { useTRPC, useTRPCClient } from "@/components/providers/trpc";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { Menu, MenuContent, MenuItem, MenuSeparator, MenuTrigger } from "@/components/ui/menu";
import type { AppRouter } from "@/server/trpc/root";
import type { TableUrlState } from "@/components/contacts/table/use-table-url-state";
import { ALL_CONTACTS } from "@/components/contacts/table-state";
import { DeleteViewDialog, RenameViewDialog, SaveViewDialog, type SaveViewValues } from "./view-dialogs";

export type SavedView = inferRouterOutputs<AppRouter>["views"]["listViews"][number];

const changeWords = { filters: "filters", sort: "sort", columns: "columns" } as const;

function ViewTab({ href, isActive, onOpen, children, testId }: {
  href: string;
  isActive: boolean;
  onOpen: () => void;
  children: React.ReactNode;
  testId?: string;
}) {
  const onClick = (event: MouseEvent<HTMLAnchorElement>) => {
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
    event.preventDefault();
    onOpen();
  };
  return (
    <a
      href={href}
      onClick={onClick}
      aria-current={isActive ? "page" : undefined}
      data-testid={testId}
      className={cn(
        "relative -mb-px inline-flex h-9 shrink-0 items-center gap-1.5 border-b-2 px-2.5 text-[13px] font-medium whitespace-nowrap transition-colors [&_svg]:size-3.5",
        isActive ? "border-foreground text-foreground" : "border-transparent text-muted-foreground hover:text-foreground",
      )}
    >
      {children}
    </a>
  );
}

/**
 * Saved views as tabs above the table, with the controls to save what is shown (as a new view, or
 * into the open one) and each view's menu: rename, duplicate, default, share, delete.
 */
export function ViewsBar({ views, url, isManager }: { views: readonly SavedView[]; url: TableUrlState; isManager: boolean }) {
  const trpc = useTRPC();
  const client = useTRPCClient();
  const queryClient = useQueryClient();
  const [dialog, setDialog] = useState<"save" | "rename" | "delete" | null>(null);
  const [menuError, setMenuError] = useState<string | null>(null);
  const view = url.view as SavedView | null;
  const isAll = !view;

  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.views.listViews.queryKey() });
  const act = async (work: () => Promise<unknown>) => {
    setMenuError(null);
    try {
      await work();
      await refresh();
    } catch (error) {
      setMenuError(error instanceof Error ? error.message : "That did not work");
    }
  };

  const saveNew = async (values: SaveViewValues) => {
    const created = await client.views.saveView.mutate({
      name: values.name,
      filters: url.state.filters,
      columns: url.state.columns,
      sortBy: url.state.sort,
      isDefault: values.isDefault,
      visibility: values.visibility,
    });
    await refresh();
    url.openView(created.id);
  };

  const saveIntoView = () =>
    act(async () => {
      if (!view) return;
      await client.views.updateView.mutate({ id: view.id, patch: { filters: url.state.filters, columns: url.state.columns, sortBy: url.state.sort } });
      await refresh();
      url.openView(view.id);
    });

  const hasChanges = url.changed.length > 0;

  return (
    <div className="flex shrink-0 flex-col border-b border-border">
      <div className="flex items-end gap-2 px-4">
        <nav aria-label="Saved views" className="flex min-w-0 flex-1 items-center gap-0.5 overflow-x-auto">
          <ViewTab href={url.hrefForView(ALL_CONTACTS)} isActive={isAll} onOpen={() => url.openView(ALL_CONTACTS)} testId="view-tab-all">
            All contacts
          </ViewTab>
          {views.map((item) => (
            <ViewTab key={item.id} href={url.hrefForView(item.id)} isActive={view?.id === item.id} onOpen={() => url.openView(item.id)}>
              {item.visibility === "shared" ? <Users aria-label="Shared" /> : <Lock aria-label="Private" />}
              {item.name}
              {item.isDefault ? <Star aria-label="Opens first" className="fill-current" /> : null}
            </ViewTab>
          ))}
        </nav>
        <div className="flex shrink-0 items-center gap-1.5 pb-1.5">
          {hasChanges ? (
            <span className="text-[12px] text-muted-foreground" data-testid="view-changed">
              {isAll ? "Changed" : "Unsaved"} {url.changed.map((part) => changeWords[part]).join(", ")}
            </span>
          ) : null}
          {hasChanges && view ? (
            <Button variant="ghost" size="sm" onClick={() => url.openView(view.id)}>
              Reset
            </Button>
          ) : null}
          {hasChanges && view?.canEdit ? (
            <Button variant="outline" size="sm" onClick={saveIntoView}>
              Save changes
            </Button>
          ) : null}
          {hasChanges || isAll ? (
            <Button variant={hasChanges ? "primary" : "outline"} size="sm" onClick={() => setDialog("save")} data-testid="save-view">
              {view ? "Save as new view" : "Save view"}
            </Button>
          ) : null}
          {view ? (
            <Menu>
              <MenuTrigger aria-label={`Options for view ${view.name}`} className="inline-flex size-7 items-center justify-center rounded-md text-muted-foreground hover:bg-accent hover:text-foreground">
                <Ellipsis className="size-4" />
              </MenuTrigger>
              <MenuContent>
                <MenuItem disabled={!view.canEdit} onSelect={() => setDialog("rename")}>
                  <Pencil /> Rename…
                </MenuItem>
                <MenuItem onSelect={() => act(async () => url.openView((await client.views.duplicateView.mutate({ id: view.id })).id))}>
                  <Copy /> Duplicate
                </MenuItem>
                {view.isMine ? (
                  <MenuItem onSelect={() => act(() => client.views.updateView.mutate({ id: view.id, patch: { isDefault: !view.isDefault } }))}>
                    {view.isDefault ? <StarOff /> : <Star />} {view.isDefault ? "Stop opening first" : "Open this view first"}
                  </MenuItem>
                ) : null}
                {view.canEdit && (isManager || view.visibility === "shared") ? (
                  <MenuItem
                    disabled={view.visibility === "private" && !isManager}
                    onSelect={() => act(() => client.views.updateView.mutate({ id: view.id, patch: { visibility: view.visibility === "shared" ? "private" : "shared" } }))}
                  >
                    {view.visibility === "shared" ? <Lock /> : <Users />} {view.visibility === "shared" ? "Make private" : "Share with workspace"}
                  </MenuItem>
                ) : null}
                <MenuSeparator />
                <MenuItem disabled={!view.canEdit} onSelect={() => setDialog("delete")} className="text-destructive">
                  <Trash2 /> Delete…
                </MenuItem>
              </MenuContent>
            </Menu>
          ) : null}
        </div>
      </div>
      {menuError ? (
        <p role="alert" className="px-4 pb-2 text-[12px] text-destructive">
          {menuError}
        </p>
      ) : null}
      <SaveViewDialog open={dialog === "save"} onOpenChange={(open) => setDialog(open ? "save" : null)} canShare={isManager} onSave={saveNew} />
      {view && dialog === "rename" ? (
        <RenameViewDialog
          key={view.id}
          open
          onOpenChange={(open) => setDialog(open ? "rename" : null)}
          currentName={view.name}
          onRename={async (name) => {
            await client.views.renameView.mutate({ id: view.id, name });
            await refresh();
          }}
        />
      ) : null}
      {view && dialog === "delete" ? (
        <DeleteViewDialog
          open
          onOpenChange={(open) => setDialog(open ? "delete" : null)}
          name={view.name}
          isShared={view.visibility === "shared"}
          onDelete={async () => {
            await client.views.deleteView.mutate({ id: view.id });
            url.openView(ALL_CONTACTS);
            await refresh();
          }}
        />
      ) : null}
    </div>
  );
}
