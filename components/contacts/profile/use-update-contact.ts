"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTRPC } from "@/components/providers/trpc";
import type { ContactPatch, ContactProfile } from "../types";

function fullNameOf(contact: Pick<ContactProfile, "firstName" | "lastName" | "email">): string {
  return [contact.firstName, contact.lastName].filter(Boolean).join(" ") || contact.email;
}

/** The profile as it will look once `patch` is saved; custom fields merge key by key, null removing one, as the server does. */
export function applyPatch(profile: ContactProfile, patch: ContactPatch): ContactProfile {
  const { customFields, ...standard } = patch;
  const next = { ...profile, ...(standard as Partial<ContactProfile>) };
  if (customFields) {
    const merged: Record<string, unknown> = { ...profile.customFields };
    for (const [key, value] of Object.entries(customFields)) {
      if (value === null) delete merged[key];
      else merged[key] = value;
    }
    next.customFields = merged;
  }
  return { ...next, fullName: fullNameOf(next) };
}

/** Puts back only the fields `patch` touched, so a failed save never undoes another field saved meanwhile. */
function revertPatch(current: ContactProfile, previous: ContactProfile, patch: ContactPatch): ContactProfile {
  const { customFields, ...standard } = patch;
  const next: Record<string, unknown> = { ...current };
  for (const key of Object.keys(standard)) next[key] = (previous as Record<string, unknown>)[key];
  if (customFields) {
    const merged: Record<string, unknown> = { ...current.customFields };
    for (const key of Object.keys(customFields)) {
      if (key in previous.customFields) merged[key] = previous.customFields[key];
      else delete merged[key];
    }
    next.customFields = merged;
  }
  const reverted = next as ContactProfile;
  return { ...reverted, fullName: fullNameOf(reverted) };
}

/**
 * Saves one field at a time, optimistically: the cached profile changes at once, the server's
 * normalised row (E.164 phone, lowercased email) replaces it on success, and a failure restores the old value.
 */
export function useUpdateContact(id: string) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const profileKey = trpc.contacts.get.queryKey({ id });

  return useMutation(
    trpc.contacts.update.mutationOptions({
      onMutate: async ({ patch }) => {
        await queryClient.cancelQueries({ queryKey: profileKey });
        const previous = queryClient.getQueryData(profileKey);
        if (previous) queryClient.setQueryData(profileKey, applyPatch(previous, patch));
        return { previous };
      },
      onError: (_error, { patch }, context) => {
        const previous = context?.previous;
        if (previous) queryClient.setQueryData(profileKey, (current) => (current ? revertPatch(current, previous, patch) : previous));
      },
      onSuccess: (row) => {
        // The saved row is the contact alone; the profile's related parts (tags, activities…) stay as cached.
        queryClient.setQueryData(profileKey, (current) =>
          current ? ({ ...current, ...(row as unknown as Partial<ContactProfile>), fullName: fullNameOf(row) } as ContactProfile) : current,
        );
      },
      onSettled: async () => {
        await Promise.all([
          queryClient.invalidateQueries({ queryKey: trpc.contacts.history.queryKey({ id }) }),
          queryClient.invalidateQueries({ queryKey: trpc.contacts.list.pathKey() }),
        ]);
      },
    }),
  );
}
