import type { Metadata } from "next";
import { ImportsList } from "@/components/imports/imports-list";

export const metadata: Metadata = { title: "Imports" };
export const dynamic = "force-dynamic";

export default function ImportsPage() {
  return <ImportsList />;
}
