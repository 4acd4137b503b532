import { z } from "zod";
import { memberRoles } from "@/db/schema";

const role = z.enum(memberRoles, { error: "must be admin, manager or rep" });
const userId = z.string({ error: "is required" }).trim().min(1, "is required").max(200, "must be at most 200 characters");

export const inviteMemberSchema = z
  .object({
    email: z
      .string({ error: "is required" })
      .trim()
      .toLowerCase()
      .min(1, "is required")
      .max(320, "must be at most 320 characters")
      .pipe(z.email({ error: "must be a valid email address" })),
    role,
  })
  .strict();
export type InviteMemberInput = z.infer<typeof inviteMemberSchema>;

/** Tokens are 43 base64url characters; the bounds only keep garbage away from the hash. */
export const invitationTokenSchema = z
  .object({ token: z.string({ error: "is required" }).trim().min(20, "is not a valid invitation token").max(200, "is not a valid invitation token") })
  .strict();

export const changeRoleSchema = z.object({ userId, role }).strict();
export type ChangeRoleInput = z.infer<typeof changeRoleSchema>;

export const removeMemberSchema = z.object({ userId }).strict();

export const invitationIdSchema = z.object({ id: z.uuid({ error: "must be an invitation id" }) }).strict();
