import { ListFilter } from "lucide-react";
import type { Metadata } from "next";
import { PageHeader } from "@/components/shell/page-header";
import { EmptyState } from "@/components/ui/states";

export const metadata: Metadata = { title: "Segments" };

export default function SegmentsPage() {
  return (
    <div className="flex h-full flex-col">
      <PageHeader title="Segments" />
      <EmptyState
        icon={<ListFilter />}
        title="Segments are not here yet"
        description="Saved filters and static lists of contacts arrive with the segments issue."
      />
    </div>
  );
}
