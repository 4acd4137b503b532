import type { Metadata } from "next";
import { Suspense } from "react";
import { ContactsPage } from "@/components/contacts/contacts-page";

export const metadata: Metadata = { title: "Contacts" };
export const dynamic = "force-dynamic";

export default function Page() {
  // The table state lives in the search params (components/contacts/table-state.ts); useSearchParams needs a Suspense boundary.
  return (
    <Suspense>
      <ContactsPage />
    </Suspense>
  );
}
