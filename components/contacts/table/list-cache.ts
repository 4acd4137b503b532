import type { InfiniteData, QueryClient } from "@tanstack/react-query";
import type { ContactListItem, ContactListPage } from "../types";

/** Every cached contacts.list result (plain pages and the table's infinite ones) starts with this key. */
export const contactsListKeyRoot = [["contacts", "list"]] as const;

type ListData = ContactListPage | InfiniteData<ContactListPage, string | null>;

function mapPage(page: ContactListPage, id: string, update: (contact: ContactListItem) => ContactListItem): ContactListPage {
  if (!page.nodes.some((node) => node.id === id)) return page;
  return { ...page, nodes: page.nodes.map((node) => (node.id === id ? update(node) : node)) };
}

/**
 * Changes one contact wherever a list holds it, so an inline edit shows in every table at once
 * without refetching pages (an infinite list may hold hundreds).
 */
export function updateContactInLists(
  queryClient: QueryClient,
  id: string,
  update: (contact: ContactListItem) => ContactListItem,
): void {
  queryClient.setQueriesData<ListData>({ queryKey: contactsListKeyRoot }, (data) => {
    if (!data) return data;
    if ("pages" in data) return { ...data, pages: data.pages.map((page) => mapPage(page, id, update)) };
    if ("nodes" in data) return mapPage(data, id, update);
    return data;
  });
}

/** The cached row of a contact, from whichever list holds it (null when none does). */
export function findContactInLists(queryClient: QueryClient, id: string): ContactListItem | null {
  for (const [, data] of queryClient.getQueriesData<ListData>({ queryKey: contactsListKeyRoot })) {
    const pages = !data ? [] : "pages" in data ? data.pages : "nodes" in data ? [data] : [];
    for (const page of pages) {
      const found = page.nodes.find((node) => node.id === id);
      if (found) return found;
    }
  }
  return null;
}
