import { Building } from "lucide-react";
import type { Metadata } from "next";
import { PageHeader } from "@/components/shell/page-header";
import { EmptyState } from "@/components/ui/states";

export const metadata: Metadata = { title: "Companies" };

export default function CompaniesPage() {
  return (
    <div className="flex h-full flex-col">
      <PageHeader title="Companies" />
      <EmptyState
        icon={<Building />}
        title="Companies are not here yet"
        description="The companies list, with hierarchy and linked contacts, arrives with its own issue. Until then a contact's company is edited on the contact's profile."
      />
    </div>
  );
}
