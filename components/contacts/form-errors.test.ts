import { describe, expect, it } from "vitest";
import { parseFormErrors, sentence } from "./form-errors";

describe("parseFormErrors", () => {
  it("reads zod field errors from data.fieldErrors, dropping the update's patch. prefix", () => {
    const errors = parseFormErrors({
      message: "patch.email: must be a valid email address; patch.score: must be at most 100",
      data: { fieldErrors: { "patch.email": "must be a valid email address", "patch.score": "must be at most 100" } },
    });
    expect(errors.fieldErrors).toEqual({ email: "must be a valid email address", score: "must be at most 100" });
    expect(errors.formError).toBeNull();
  });

  it("reads a service's `field: reason` message and the existing contact of a duplicate", () => {
    const errors = parseFormErrors({
      message: "email: jane@example.com already belongs to Jane Doe (contact 5b1c)",
      data: { fieldErrors: null, existingId: "5b1c" },
    });
    expect(errors.fieldErrors).toEqual({ email: "jane@example.com already belongs to Jane Doe" });
    expect(errors.existingContactId).toBe("5b1c");
    expect(errors.formError).toBeNull();
  });

  it("keeps a message that names no field as a form-level error", () => {
    const errors = parseFormErrors({ message: "Contact 123 was not found in this workspace", data: { fieldErrors: null } });
    expect(errors.fieldErrors).toEqual({});
    expect(errors.formError).toBe("Contact 123 was not found in this workspace");
  });

  it("does not mistake a sentence containing a colon for a field", () => {
    const errors = parseFormErrors(new Error("Network error: failed to fetch"));
    expect(errors.fieldErrors).toEqual({});
    expect(errors.formError).toBe("Network error: failed to fetch");
  });

  it("falls back to a generic message when there is nothing to show", () => {
    expect(parseFormErrors(undefined).formError).toBe("Something went wrong. Try again.");
  });
});

describe("sentence", () => {
  it("capitalises a reason shown on its own and shortens the required one", () => {
    expect(sentence("must be a valid email address")).toBe("Must be a valid email address");
    expect(sentence("is required")).toBe("Required");
    expect(sentence("jane@example.com already belongs to Jane Doe")).toBe("jane@example.com already belongs to Jane Doe");
  });
});
