import { z } from "zod";
import { jobKinds } from "@/db/schema";
import { router, workspaceProcedure } from "../trpc/init";
import * as service from "./service";

const jobIdSchema = z.object({ id: z.uuid({ error: "must be a job id" }) });

export const jobsRouter = router({
  get: workspaceProcedure.input(jobIdSchema).query(({ ctx, input }) => service.getJob(ctx.service, input)),
  list: workspaceProcedure
    .input(z.object({ kinds: z.array(z.enum(jobKinds)).optional(), first: z.number().int().min(1).max(100).default(20) }))
    .query(({ ctx, input }) => service.listJobs(ctx.service, input)),
  cancel: workspaceProcedure.input(jobIdSchema).mutation(({ ctx, input }) => service.cancelJob(ctx.service, input)),
  /** Server-sent events: the job's progress now and on every change, ending when the job finishes. */
  progress: workspaceProcedure.input(jobIdSchema).subscription(async function* ({ ctx, input, signal }) {
    yield* service.watchJobProgress(ctx.service, input, signal);
  }),
});
