import type { Metadata } from "next";
import { ContactProfileView } from "@/components/contacts/profile/contact-profile";

export const metadata: Metadata = { title: "Contact" };
export const dynamic = "force-dynamic";

export default async function ContactPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <ContactProfileView id={id} />;
}
