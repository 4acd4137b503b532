import type { Metadata } from "next";
import { ImportDetailView } from "@/components/imports/import-detail";

export const metadata: Metadata = { title: "Import" };
export const dynamic = "force-dynamic";

export default async function ImportPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <ImportDetailView importId={id} />;
}
