import { serve } from "inngest/next";
import { inngest } from "@/inngest/client";
import { createFunctions } from "@/inngest/functions";
import { getFileStorage } from "@/server/files/storage";
import { getRuntime } from "@/server/runtime";

export const dynamic = "force-dynamic";

const functions = createFunctions(async () => ({ db: (await getRuntime()).handle.db, storage: getFileStorage() }));

export const { GET, POST, PUT } = serve({ client: inngest, functions });
