import type { Metadata } from "next";
import { Suspense } from "react";
import { ContactsList } from "@/components/contacts/contacts-list";

export const metadata: Metadata = { title: "Contacts" };
export const dynamic = "force-dynamic";

export default function ContactsPage() {
  // useSearchParams needs a Suspense boundary above it.
  return (
    <Suspense>
      <ContactsList />
    </Suspense>
  );
}
