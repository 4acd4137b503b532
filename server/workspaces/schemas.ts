import { z } from "zod";

export const workspaceNameSchema = z
  .string({ error: "is required" })
  .trim()
  .min(1, "is required")
  .max(80, "must be at most 80 characters")
  .refine((name) => !/[\n\r\t]/.test(name), "must be on one line");

export const renameWorkspaceSchema = z.object({ name: workspaceNameSchema }).strict();
export type RenameWorkspaceInput = z.infer<typeof renameWorkspaceSchema>;
