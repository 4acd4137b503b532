"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC, useTRPCClient } from "@/components/providers/trpc";
import { findContactInLists, updateContactInLists } from "@/components/contacts/table/list-cache";
import type { TagLike } from "./tag-chip";

const byName = (a: TagLike, b: TagLike) => a.name.localeCompare(b.name, undefined, { sensitivity: "base" });

function messageOf(error: unknown): string {
  const message = error instanceof Error ? error.message : "Could not change the tags";
  return message.replace(/^[a-zA-Z.[\]0-9]+: /, "");
}

/**
 * Adds and removes one contact's tags, optimistically in every cached list and in its profile;
 * a refused change is put back and its reason kept in `error`.
 */
export function useContactTagging(contactId: string) {
  const trpc = useTRPC();
  const client = useTRPCClient();
  const queryClient = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const [isBusy, setIsBusy] = useState(false);
  const profileKey = trpc.contacts.get.queryKey({ id: contactId });

  const currentTags = (): TagLike[] =>
    findContactInLists(queryClient, contactId)?.tags ?? queryClient.getQueryData(profileKey)?.tags ?? [];

  const setTags = (tags: TagLike[]) => {
    const next = tags.map((tag) => ({ id: tag.id, name: tag.name, color: tag.color ?? "" })).sort(byName);
    updateContactInLists(queryClient, contactId, (contact) => ({ ...contact, tags: next }));
    queryClient.setQueryData(profileKey, (profile) => (profile ? { ...profile, tags: next } : profile));
  };

  const settle = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.tags.listTags.queryKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.insights.contactInsights.queryKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.segments.pathKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.contacts.history.queryKey({ id: contactId }) }),
    ]);

  const run = async (optimistic: TagLike[], work: () => Promise<unknown>) => {
    const before = currentTags();
    setError(null);
    setIsBusy(true);
    setTags(optimistic);
    try {
      await work();
    } catch (failure) {
      setTags(before);
      setError(messageOf(failure));
    } finally {
      setIsBusy(false);
      void settle();
    }
  };

  const add = (tag: TagLike) => {
    const tags = currentTags();
    if (tags.some((existing) => existing.id === tag.id)) return Promise.resolve();
    return run([...tags, tag], () => client.tags.tagContacts.mutate({ contactIds: [contactId], tagIds: [tag.id] }));
  };

  const create = async (name: string) => {
    setError(null);
    try {
      const tag = await client.tags.createTag.mutate({ name });
      await add(tag);
    } catch (failure) {
      setError(messageOf(failure));
    }
  };

  const remove = (tagId: string) =>
    run(currentTags().filter((tag) => tag.id !== tagId), () => client.tags.untagContacts.mutate({ contactIds: [contactId], tagIds: [tagId] }));

  return { add, create, remove, error, clearError: () => setError(null), isBusy };
}
