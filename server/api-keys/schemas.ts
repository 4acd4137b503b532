import { z } from "zod";
import { memberRoles } from "@/db/schema";

export const createApiKeySchema = z
  .object({
    name: z
      .string({ error: "is required" })
      .trim()
      .min(1, "is required")
      .max(80, "must be at most 80 characters")
      .refine((name) => !/[\n\r\t]/.test(name), "must be on one line"),
    role: z.enum(memberRoles, { error: "must be admin, manager or rep" }),
  })
  .strict();
export type CreateApiKeyInput = z.infer<typeof createApiKeySchema>;

export const apiKeyIdSchema = z.object({ id: z.uuid({ error: "must be an API key id" }) }).strict();
