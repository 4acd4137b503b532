import { describe, expect, it } from "vitest";
import { defaultWizardOptions, parseTags, toImportOptions } from "./options";

describe("import options", () => {
  it("splits tags on commas, trims them and drops blanks and repeats", () => {
    expect(parseTags("VIP, Trade show 2025,, vip ,")).toEqual(["VIP", "Trade show 2025"]);
    expect(parseTags("   ")).toEqual([]);
  });

  it("sends the match key only when updating and when its column is mapped", () => {
    const options = { ...defaultWizardOptions, updateExisting: true, matchOn: "customFields.pipedriveId", tagsText: "Pipedrive", ownerId: "user-1" };
    expect(toImportOptions(options, new Set(["email", "customFields.pipedriveId"]))).toEqual({
      updateExisting: true, matchOn: "customFields.pipedriveId", skipInvalid: true, notifyOnComplete: true, tags: ["Pipedrive"], ownerId: "user-1",
    });
    expect(toImportOptions(options, new Set(["email"])).matchOn).toBe("email");
    expect(toImportOptions({ ...options, updateExisting: false }, new Set(["customFields.pipedriveId"])).matchOn).toBe("email");
    expect(toImportOptions(defaultWizardOptions, new Set()).ownerId).toBeNull();
  });
});
