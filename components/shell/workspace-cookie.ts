// Must match WORKSPACE_COOKIE in server/trpc/identity.ts, which reads it on every request.
export const WORKSPACE_COOKIE = "hastecrm_workspace";

export function setWorkspaceCookie(workspaceId: string) {
  const oneYear = 60 * 60 * 24 * 365;
  document.cookie = `${WORKSPACE_COOKIE}=${encodeURIComponent(workspaceId)}; path=/; max-age=${oneYear}; samesite=lax`;
}
