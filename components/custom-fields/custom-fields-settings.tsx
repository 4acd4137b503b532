"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { Archive, ChevronRight, Pencil, Plus, RotateCcw, SlidersHorizontal } from "lucide-react";
import Link from "next/link";
import { useState } from "react";
import { useTRPC, useTRPCClient } from "@/components/providers/trpc";
import { useWorkspaceRole } from "@/components/contacts/use-role";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Skeleton } from "@/components/ui/skeleton";
import { Alert, EmptyState, ErrorState } from "@/components/ui/states";
import { Tabs, TabsList, TabsTrigger } from "@/components/ui/tabs";
import { CustomFieldDialog } from "./custom-field-dialog";
import { typeLabel, type CustomFieldDefinition, type CustomFieldObjectType } from "./field-types";

const numberFormat = new Intl.NumberFormat("en-US");

function FieldRow({ definition, isAdmin, onEdit, onToggleArchive, isBusy }: {
  definition: CustomFieldDefinition;
  isAdmin: boolean;
  onEdit: () => void;
  onToggleArchive: () => void;
  isBusy: boolean;
}) {
  const isArchived = !!definition.archivedAt;
  return (
    <li className="flex items-center gap-3 border-b border-border px-4 py-2.5 last:border-b-0" data-testid={`custom-field-row-${definition.fieldName}`}>
      <div className="flex min-w-0 flex-1 flex-col">
        <span className="flex items-center gap-2 text-[13px] font-medium">
          {definition.label}
          {definition.required ? <Badge tone="amber">Required</Badge> : null}
          {isArchived ? <Badge>Archived</Badge> : null}
        </span>
        <span className="truncate text-[12px] text-muted-foreground">
          <code>customFields.{definition.fieldName}</code> · {typeLabel(definition.fieldType)}
          {definition.fieldType === "currency" && definition.currency ? ` (${definition.currency})` : ""}
          {definition.options.length > 0 ? ` · ${definition.options.map((option) => option.label).join(", ")}` : ""}
        </span>
      </div>
      {isAdmin ? (
        <div className="flex shrink-0 items-center gap-1">
          {!isArchived ? (
            <Button variant="ghost" size="sm" onClick={onEdit} aria-label={`Edit ${definition.label}`}>
              <Pencil /> Edit
            </Button>
          ) : null}
          <Button variant="ghost" size="sm" onClick={onToggleArchive} isLoading={isBusy} aria-label={`${isArchived ? "Restore" : "Archive"} ${definition.label}`}>
            {isArchived ? <RotateCcw /> : <Archive />}
            {isArchived ? "Restore" : "Archive"}
          </Button>
        </div>
      ) : null}
    </li>
  );
}

/**
 * Settings › Custom fields: the workspace's fields for contacts and companies, all twelve types.
 * Archiving hides a field and keeps its values on every record; restoring brings them back.
 */
export function CustomFieldsSettings() {
  const trpc = useTRPC();
  const client = useTRPCClient();
  const queryClient = useQueryClient();
  const { isAdmin, isPending: isRolePending } = useWorkspaceRole();
  const [objectType, setObjectType] = useState<CustomFieldObjectType>("contact");
  const [editing, setEditing] = useState<CustomFieldDefinition | "new" | null>(null);
  const [busyId, setBusyId] = useState<string | null>(null);
  const [notice, setNotice] = useState<{ tone: "info" | "error"; text: string } | null>(null);
  const fields = useQuery(trpc.customFields.listCustomFields.queryOptions({ objectType, includeArchived: true }));

  const toggleArchive = async (definition: CustomFieldDefinition) => {
    setBusyId(definition.id);
    setNotice(null);
    try {
      const result = definition.archivedAt
        ? await client.customFields.restoreCustomField.mutate({ id: definition.id })
        : await client.customFields.deleteCustomField.mutate({ id: definition.id });
      const kept = `${numberFormat.format(result.keptValues)} ${result.keptValues === 1 ? "record has" : "records have"} a value`;
      setNotice({
        tone: "info",
        text: definition.archivedAt
          ? `Restored “${definition.label}”: ${kept} again visible.`
          : `Archived “${definition.label}”. ${kept}, kept hidden until it is restored.`,
      });
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: trpc.customFields.pathKey() }),
        queryClient.invalidateQueries({ queryKey: trpc.filters.pathKey() }),
        queryClient.invalidateQueries({ queryKey: trpc.views.pathKey() }),
        queryClient.invalidateQueries({ queryKey: trpc.contacts.get.queryKey() }),
      ]);
    } catch (error) {
      setNotice({ tone: "error", text: error instanceof Error ? error.message : "That did not work" });
    } finally {
      setBusyId(null);
    }
  };

  const live = (fields.data ?? []).filter((definition) => !definition.archivedAt);
  const archived = (fields.data ?? []).filter((definition) => definition.archivedAt);

  let body;
  if (fields.isPending) {
    body = (
      <div className="flex flex-col gap-3 p-4">
        {Array.from({ length: 4 }, (_, index) => <Skeleton key={index} className="h-9 w-full" />)}
      </div>
    );
  } else if (fields.isError) {
    body = <ErrorState title="Could not load custom fields" message={fields.error.message} action={<Button variant="outline" onClick={() => fields.refetch()}>Try again</Button>} />;
  } else if (live.length === 0 && archived.length === 0) {
    body = (
      <EmptyState
        icon={<SlidersHorizontal />}
        title={`No custom fields on ${objectType === "contact" ? "contacts" : "companies"} yet`}
        description="Add the fields your team tracks: a budget, a renewal date, a tier…"
        action={isAdmin ? <Button variant="outline" onClick={() => setEditing("new")}><Plus /> New field</Button> : undefined}
      />
    );
  } else {
    const row = (definition: CustomFieldDefinition) => (
      <FieldRow key={definition.id} definition={definition} isAdmin={isAdmin} isBusy={busyId === definition.id}
        onEdit={() => setEditing(definition)} onToggleArchive={() => void toggleArchive(definition)} />
    );
    body = (
      <>
        <ul aria-label="Fields">{live.map(row)}</ul>
        {live.length === 0 ? <p className="px-4 py-3 text-[13px] text-muted-foreground">Every field is archived.</p> : null}
        {archived.length > 0 ? (
          <>
            <h3 className="border-y border-border bg-surface px-4 py-1.5 text-[12px] font-medium text-muted-foreground">Archived</h3>
            <ul aria-label="Archived fields">{archived.map(row)}</ul>
          </>
        ) : null}
      </>
    );
  }

  return (
    <div className="flex h-full flex-col">
      <nav aria-label="Breadcrumb" className="flex h-14 shrink-0 items-center gap-1.5 border-b border-border px-6">
        <Link href="/settings" className="text-[13px] text-muted-foreground hover:text-foreground">Settings</Link>
        <ChevronRight aria-hidden className="size-3.5 text-muted-foreground" />
        <h1 className="text-[16px] font-semibold tracking-tight">Custom fields</h1>
      </nav>
      <div className="mx-auto flex w-full max-w-4xl flex-col gap-4 px-6 py-5">
        <div className="flex items-center justify-between gap-4">
          <Tabs value={objectType} onValueChange={(value) => setObjectType(value as CustomFieldObjectType)}>
            <TabsList aria-label="Record type">
              <TabsTrigger value="contact">Contacts</TabsTrigger>
              <TabsTrigger value="company">Companies</TabsTrigger>
            </TabsList>
          </Tabs>
          <Button onClick={() => setEditing("new")} disabled={!isAdmin} title={isAdmin ? undefined : "Only admins define custom fields"}>
            <Plus /> New field
          </Button>
        </div>
        {!isAdmin && !isRolePending ? <Alert tone="info">Only admins add, edit and archive custom fields; you can see them here.</Alert> : null}
        {notice ? <Alert tone={notice.tone}>{notice.text}</Alert> : null}
        <div className="rounded-lg border border-border">{body}</div>
      </div>
      {editing ? (
        <CustomFieldDialog
          key={editing === "new" ? `new-${objectType}` : editing.id}
          open
          onOpenChange={(open) => !open && setEditing(null)}
          objectType={objectType}
          definition={editing === "new" ? undefined : editing}
        />
      ) : null}
    </div>
  );
}
