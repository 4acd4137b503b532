import { Upload } from "lucide-react";
import type { Metadata } from "next";
import { PageHeader } from "@/components/shell/page-header";
import { EmptyState } from "@/components/ui/states";

export const metadata: Metadata = { title: "Imports" };

export default function ImportsPage() {
  return (
    <div className="flex h-full flex-col">
      <PageHeader title="Imports" />
      <EmptyState
        icon={<Upload />}
        title="Imports are not here yet"
        description="CSV import with column mapping, validation and progress arrives with the imports issue. For now, contacts are added one at a time from the Contacts page."
      />
    </div>
  );
}
