import { describe, expect, it } from "vitest";
import { jobKinds, jobStatuses } from "@/db/schema/jobs";
import { describeJob, isActiveStatus, isUndoableKind } from "./describe";

describe("job descriptions", () => {
  it("names every kind of job", () => {
    for (const kind of jobKinds) expect(describeJob(kind)).toMatch(/\w/);
  });

  it("treats queued, running and cancelling as active, and only bulk operations as undoable here", () => {
    expect(jobStatuses.filter(isActiveStatus)).toEqual(["queued", "running", "cancelling"]);
    expect(jobKinds.filter(isUndoableKind)).toEqual(["bulk_update", "bulk_delete", "bulk_tag"]);
  });
});
