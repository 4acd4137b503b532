import "server-only";
import { headers } from "next/headers";
import { getRuntime } from "@/server/runtime";

/** The signed-in user of this request, or null; the signed-out pages use it to send members on. */
export async function currentSessionUser() {
  const { auth } = await getRuntime();
  const session = await auth.api.getSession({ headers: await headers() });
  return session?.user ?? null;
}
