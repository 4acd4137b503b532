/**
 * Where to go after signing in: only a path on this site (a leading "/" but not "//", which browsers
 * read as another host), so a crafted ?next= link cannot bounce a fresh session to a phishing page.
 */
export function safeNextPath(value: string | string[] | undefined | null): string | null {
  const path = Array.isArray(value) ? value[0] : value;
  if (!path || !path.startsWith("/") || path.startsWith("//") || path.startsWith("/\\")) return null;
  return path;
}

export const isInvitePath = (path: string | null): boolean => Boolean(path?.startsWith("/invite/"));

/** `/sign-in?next=…&email=…`, keeping only the parameters that are set. */
export function authPageHref(page: "/sign-in" | "/sign-up", params: { next?: string | null; email?: string | null }): string {
  const search = new URLSearchParams();
  if (params.next) search.set("next", params.next);
  if (params.email) search.set("email", params.email);
  const query = search.toString();
  return query ? `${page}?${query}` : page;
}
