import type { Metadata } from "next";
import { ImportWizard } from "@/components/imports/import-wizard";

export const metadata: Metadata = { title: "Import contacts" };
export const dynamic = "force-dynamic";

export default function NewImportPage() {
  return <ImportWizard />;
}
