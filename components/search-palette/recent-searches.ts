/** The few searches a rep ran last, newest first, kept in the browser (per workspace). */
export const MAX_RECENT = 8;

export interface RecentStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

const keyFor = (workspaceId: string) => `hastecrm:recent-searches:${workspaceId}`;

export function readRecent(store: RecentStore, workspaceId: string): string[] {
  try {
    const parsed: unknown = JSON.parse(store.getItem(keyFor(workspaceId)) ?? "[]");
    return Array.isArray(parsed) ? parsed.filter((item): item is string => typeof item === "string").slice(0, MAX_RECENT) : [];
  } catch {
    // A corrupt entry (edited by hand, another version) is not worth an error: start over.
    return [];
  }
}

/** Puts `query` first; the same words typed differently (case, spacing) count as one search. */
export function addRecent(store: RecentStore, workspaceId: string, query: string): string[] {
  const clean = query.trim().replace(/\s+/g, " ");
  if (!clean) return readRecent(store, workspaceId);
  const next = [clean, ...readRecent(store, workspaceId).filter((item) => item.toLowerCase() !== clean.toLowerCase())].slice(0, MAX_RECENT);
  store.setItem(keyFor(workspaceId), JSON.stringify(next));
  return next;
}

export function clearRecent(store: RecentStore, workspaceId: string): void {
  store.removeItem(keyFor(workspaceId));
}
