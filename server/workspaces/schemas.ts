import { z } from "zod";
import { memberRoles } from "@/db/schema/workspaces";

export const workspaceNameSchema = z
  .string({ error: "is required" })
  .trim()
  .min(1, "is required")
  .max(80, "must be at most 80 characters")
  .refine((name) => !/[\n\r\t]/.test(name), "must be on one line");

export const renameWorkspaceSchema = z.object({ name: workspaceNameSchema }).strict();
export type RenameWorkspaceInput = z.infer<typeof renameWorkspaceSchema>;

/** Admins can always export; the setting says which other roles may. */
export const updateWorkspaceSettingsSchema = z
  .object({
    exportRoles: z
      .array(z.enum(memberRoles, { error: `must be one of ${memberRoles.join(", ")}` }))
      .refine((roles) => roles.includes("admin"), "must include admin: admins can always export")
      .transform((roles) => memberRoles.filter((role) => roles.includes(role))),
  })
  .strict();
export type UpdateWorkspaceSettingsInput = z.infer<typeof updateWorkspaceSettingsSchema>;
