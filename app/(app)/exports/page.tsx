import type { Metadata } from "next";
import { ExportsList } from "@/components/bulk/exports-list";

export const metadata: Metadata = { title: "Exports" };
export const dynamic = "force-dynamic";

export default function ExportsPage() {
  return <ExportsList />;
}
