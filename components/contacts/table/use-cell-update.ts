"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useCallback } from "react";
import { useTRPC, useTRPCClient } from "@/components/providers/trpc";
import { parseFormErrors, sentence } from "../form-errors";
import type { ContactListItem, ContactPatch } from "../types";
import { findContactInLists, updateContactInLists } from "./list-cache";

const fullNameOf = (contact: Pick<ContactListItem, "firstName" | "lastName" | "email">) =>
  [contact.firstName, contact.lastName].filter(Boolean).join(" ") || contact.email;

/** The row as it will look once saved; custom fields merge key by key, null removing one, as the server does. */
function applyPatch(contact: ContactListItem, patch: ContactPatch): ContactListItem {
  const { customFields, ...standard } = patch;
  const next = { ...contact, ...(standard as Partial<ContactListItem>) };
  if (customFields) {
    const merged: Record<string, unknown> = { ...contact.customFields };
    for (const [key, value] of Object.entries(customFields)) {
      if (value === null) delete merged[key];
      else merged[key] = value;
    }
    next.customFields = merged;
  }
  return { ...next, fullName: fullNameOf(next) };
}

/** Puts back only what `patch` touched, so a failed save never undoes another cell saved meanwhile. */
function revertPatch(current: ContactListItem, before: ContactListItem, patch: ContactPatch): ContactListItem {
  const { customFields, ...standard } = patch;
  const next: Record<string, unknown> = { ...current };
  for (const key of Object.keys(standard)) next[key] = (before as Record<string, unknown>)[key];
  if (customFields) {
    const merged: Record<string, unknown> = { ...current.customFields };
    for (const key of Object.keys(customFields)) {
      if (key in before.customFields) merged[key] = before.customFields[key];
      else delete merged[key];
    }
    next.customFields = merged;
  }
  const reverted = next as ContactListItem;
  return { ...reverted, fullName: fullNameOf(reverted) };
}

/**
 * Saves one cell through contacts.update: the row changes at once in every cached list, takes the
 * server's normalised values on success, and goes back on failure with the reason for `fieldKey`.
 */
export function useCellUpdate() {
  const trpc = useTRPC();
  const client = useTRPCClient();
  const queryClient = useQueryClient();

  // Stable, because the table's column definitions close over it: a new function would rebuild every
  // column, remounting every cell and losing an edit in progress or an error being shown.
  return useCallback(async (contact: ContactListItem, patch: ContactPatch, fieldKey: string): Promise<string | null> => {
    const before = findContactInLists(queryClient, contact.id) ?? contact;
    updateContactInLists(queryClient, contact.id, (current) => applyPatch(current, patch));
    try {
      const row = await client.contacts.update.mutate({ id: contact.id, patch });
      updateContactInLists(queryClient, contact.id, (current) => ({ ...current, ...row, fullName: fullNameOf(row), tags: current.tags }));
      void Promise.all([
        queryClient.invalidateQueries({ queryKey: trpc.contacts.get.queryKey({ id: contact.id }) }),
        queryClient.invalidateQueries({ queryKey: trpc.contacts.history.queryKey({ id: contact.id }) }),
        queryClient.invalidateQueries({ queryKey: trpc.insights.contactInsights.queryKey() }),
        queryClient.invalidateQueries({ queryKey: trpc.segments.pathKey() }),
      ]);
      return null;
    } catch (error) {
      updateContactInLists(queryClient, contact.id, (current) => revertPatch(current, before, patch));
      const errors = parseFormErrors(error);
      const reason = errors.fieldErrors[fieldKey] ?? errors.formError ?? Object.values(errors.fieldErrors)[0] ?? "could not save";
      return `${sentence(reason)} — not saved`;
    }
  }, [client, queryClient, trpc]);
}
