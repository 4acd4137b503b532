import { Inngest } from "inngest";

// inngest v4 defaults to cloud mode; INNGEST_DEV=1 (or a dev server URL) switches to a dev server.
const dev = process.env.INNGEST_DEV;

export const inngest = new Inngest({
  id: "hastecrm",
  isDev: dev ? dev !== "0" && dev !== "false" : undefined,
  baseUrl: process.env.INNGEST_BASE_URL || undefined,
});
