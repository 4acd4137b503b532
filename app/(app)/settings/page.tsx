import type { Metadata } from "next";
import { Suspense } from "react";
import { SettingsView } from "@/components/settings/settings-view";

export const metadata: Metadata = { title: "Settings" };
export const dynamic = "force-dynamic";

export default function SettingsPage() {
  // useSearchParams (the selected tab) needs a Suspense boundary above it.
  return (
    <Suspense>
      <SettingsView />
    </Suspense>
  );
}
