import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { getRuntime } from "@/server/runtime";
import { resolveIdentity } from "@/server/trpc/identity";
import { appRouter } from "@/server/trpc/root";

export const dynamic = "force-dynamic";

async function handler(req: Request) {
  const { handle, auth } = await getRuntime();
  return fetchRequestHandler({
    endpoint: "/api/trpc",
    req,
    router: appRouter,
    createContext: async () => ({
      db: handle.db,
      auth,
      headers: req.headers,
      identity: await resolveIdentity(handle.db, auth, req.headers),
    }),
    onError({ error, path }) {
      if (error.code === "INTERNAL_SERVER_ERROR") console.error(`[trpc] ${path ?? "?"}`, error.cause ?? error);
    },
  });
}

export { handler as GET, handler as POST };
