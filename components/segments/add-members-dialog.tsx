"use client";

import { keepPreviousData, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC, useTRPCClient } from "@/components/providers/trpc";
import type { FilterNode } from "@/components/filters/types";
import { Avatar } from "@/components/ui/avatar";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { Dialog, DialogFooter } from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { Skeleton } from "@/components/ui/skeleton";
import { Alert } from "@/components/ui/states";

function searchFilter(query: string, segmentId: string): FilterNode {
  const notMember: FilterNode = { field: "segment", operator: "neq", value: segmentId };
  const text = query.trim();
  if (!text) return { and: [notMember] };
  return {
    and: [
      notMember,
      { or: ["email", "firstName", "lastName", "company"].map((field) => ({ field, operator: "contains" as const, value: text })) },
    ],
  };
}

/** Find contacts by name, email or company and add the ticked ones to a static segment. */
export function AddMembersDialog({ open, onOpenChange, segmentId, segmentName }: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  segmentId: string;
  segmentName: string;
}) {
  const trpc = useTRPC();
  const client = useTRPCClient();
  const queryClient = useQueryClient();
  const [query, setQuery] = useState("");
  const [picked, setPicked] = useState<Map<string, string>>(new Map());
  const [error, setError] = useState<string | null>(null);
  const [isSaving, setIsSaving] = useState(false);
  const results = useQuery({
    ...trpc.contacts.list.queryOptions({ filters: searchFilter(query, segmentId), first: 25, sort: [{ field: "firstName", direction: "asc" }] }),
    placeholderData: keepPreviousData,
    enabled: open,
  });

  const toggle = (id: string, name: string) =>
    setPicked((current) => {
      const next = new Map(current);
      if (next.has(id)) next.delete(id);
      else next.set(id, name);
      return next;
    });

  const add = async () => {
    setIsSaving(true);
    setError(null);
    try {
      await client.segments.addMembers.mutate({ id: segmentId, contactIds: [...picked.keys()] });
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: trpc.segments.pathKey() }),
        queryClient.invalidateQueries({ queryKey: trpc.contacts.list.pathKey() }),
        queryClient.invalidateQueries({ queryKey: trpc.insights.contactInsights.queryKey() }),
      ]);
      setPicked(new Map());
      onOpenChange(false);
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : "Could not add them");
    } finally {
      setIsSaving(false);
    }
  };

  return (
    <Dialog open={open} onOpenChange={onOpenChange} title={`Add contacts to “${segmentName}”`} className="max-w-xl">
      <div className="flex flex-col gap-3">
        {error ? <Alert>{error}</Alert> : null}
        <Input autoFocus aria-label="Search contacts" placeholder="Search by name, email or company" value={query} onChange={(event) => setQuery(event.target.value)} />
        <ul className="flex max-h-80 flex-col overflow-y-auto rounded-md border border-border" aria-label="Matching contacts">
          {results.isPending
            ? Array.from({ length: 5 }, (_, index) => (
                <li key={index} className="px-3 py-2">
                  <Skeleton className="h-4 w-48" />
                </li>
              ))
            : (results.data?.nodes ?? []).map((contact) => (
                <li key={contact.id}>
                  <label className="flex h-10 items-center gap-2.5 border-b border-border px-3 text-[13px] last:border-b-0 hover:bg-muted">
                    <Checkbox checked={picked.has(contact.id)} onChange={() => toggle(contact.id, contact.fullName)} />
                    <Avatar name={contact.fullName} />
                    <span className="truncate font-medium">{contact.fullName}</span>
                    <span className="truncate text-muted-foreground">{contact.email}</span>
                  </label>
                </li>
              ))}
          {results.isSuccess && results.data.nodes.length === 0 ? (
            <li className="px-3 py-4 text-center text-[13px] text-muted-foreground">No contact outside the segment matches.</li>
          ) : null}
        </ul>
        {results.isError ? <Alert>{results.error.message}</Alert> : null}
      </div>
      <DialogFooter>
        <span className="mr-auto text-[12px] text-muted-foreground">{picked.size} picked</span>
        <Button variant="outline" onClick={() => onOpenChange(false)}>
          Cancel
        </Button>
        <Button onClick={add} disabled={picked.size === 0} isLoading={isSaving}>
          Add {picked.size > 0 ? picked.size : ""} to segment
        </Button>
      </DialogFooter>
    </Dialog>
  );
}
