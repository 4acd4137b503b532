import type { Metadata } from "next";
import { Suspense } from "react";
import { SegmentDetail } from "@/components/segments/segment-detail";

export const metadata: Metadata = { title: "Segment" };
export const dynamic = "force-dynamic";

export default async function SegmentPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  // The members table keeps its filters and sort in the search params; useSearchParams needs a Suspense boundary.
  return (
    <Suspense>
      <SegmentDetail id={id} />
    </Suspense>
  );
}
