import type { Metadata } from "next";
import { JobsList } from "@/components/jobs/jobs-list";

export const metadata: Metadata = { title: "Jobs" };
export const dynamic = "force-dynamic";

export default function JobsPage() {
  return <JobsList />;
}
