import { describe, expect, it } from "vitest";
import { importBadge, isActiveStatus, undoState, undoSummary } from "./status";

describe("import status", () => {
  it("reads the undo record the server keeps on the import", () => {
    expect(undoState(null)).toBe("none");
    expect(undoState({ jobId: "x", status: "running" })).toBe("running");
    expect(undoState({ jobId: "x", status: "succeeded", counts: {} })).toBe("undone");
    expect(undoState({ jobId: "x", status: "failed" })).toBe("none");
  });

  it("labels an undone import as undone whatever its own job did", () => {
    expect(importBadge("succeeded", "none")).toEqual({ label: "Completed", tone: "green" });
    expect(importBadge("succeeded", "undone")).toEqual({ label: "Undone", tone: "neutral" });
    expect(importBadge("failed", "none").tone).toBe("red");
  });

  it("treats queued, running and cancelling as still going", () => {
    expect(["queued", "running", "cancelling", "succeeded", "failed", "cancelled"].filter(isActiveStatus)).toEqual(["queued", "running", "cancelling"]);
  });

  it("says what undo will remove and revert, leaving out what the import did not do", () => {
    expect(undoSummary({ created: 172, restored: 1, updated: 0 })).toBe("Removes the 173 contacts it created. Tags and custom fields it created go too, unless something else uses them.");
    expect(undoSummary({ created: 0, restored: 0, updated: 1 })).toBe(
      "Puts back the previous values of the 1 contact it updated. Tags and custom fields it created go too, unless something else uses them.",
    );
  });
});
