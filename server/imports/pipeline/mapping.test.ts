import { describe, expect, it } from "vitest";
import { customFieldKey, headerSignature, inferFieldType, suggestMapping } from "./mapping";

describe("suggestMapping", () => {
  it("maps generic headers by synonym and unknown columns to new custom fields", () => {
    const headers = ["E-mail Address", "Given Name", "Surname", "Organisation", "Cell", "Zip", "Favourite Colour", "Column 8"];
    const rows = [["a@x.io", "Ann", "Lee", "Acme", "555", "10001", "blue", ""]];
    const s = suggestMapping(headers, rows, []);
    expect(s.format).toBeNull();
    expect(s.mapping).toEqual({
      "E-mail Address": "email", "Given Name": "firstName", Surname: "lastName", Organisation: "company", Cell: "mobile",
      Zip: "postalCode", "Favourite Colour": "customFields.favouriteColour", "Column 8": null,
    });
    expect(s.newCustomFields).toEqual([{ key: "favouriteColour", label: "Favourite Colour", fieldType: "text" }]);
    expect(s.columns.find((c) => c.header === "Favourite Colour")).toMatchObject({ reason: "new_custom_field", samples: ["blue"] });
  });

  it("splits a single Name column, but not when first and last names have their own columns", () => {
    expect(suggestMapping(["Name", "Email"], [], []).mapping.Name).toBe("fullName");
    expect(suggestMapping(["Name", "First Name", "Last Name", "Email"], [], []).mapping.Name).toBeNull();
  });

  it("prefers the workspace's existing custom fields, by key or by label", () => {
    const existing = [{ fieldName: "tier", label: "Customer Tier", fieldType: "select" as const, required: false, options: [] }];
    const s = suggestMapping(["Email", "Customer Tier", "Tier"], [["a@x.io", "Gold", "Gold"]], existing);
    expect(s.mapping["Customer Tier"]).toBe("customFields.tier");
    expect(s.mapping.Tier).toBeNull();
    expect(s.newCustomFields).toEqual([]);
  });

  it("recognises known exports by their headers (Pipedrive's prefix, Outlook's salutation Title)", () => {
    expect(suggestMapping(["Person - Name", "Person - Email - Work", "Person - Lead score"], [], []).mapping).toEqual({
      "Person - Name": null, "Person - Email - Work": "email", "Person - Lead score": "customFields.score",
    });
    const outlook = suggestMapping(["First Name", "Title", "Job Title", "E-mail Address", "Business Phone", "Pager"], [], []);
    expect(outlook.format?.id).toBe("outlook");
    expect(outlook.mapping).toMatchObject({ Title: "customFields.salutation", "Job Title": "title", Pager: null });
  });
});

describe("custom field helpers", () => {
  it("derives keys from headers", () => {
    expect(customFieldKey("Legacy CRM ID")).toBe("legacyCrmId");
    expect(customFieldKey("Zip/Postal Code")).toBe("zipPostalCode");
    expect(customFieldKey("2nd Email")).toBe("field2ndEmail");
  });

  it("infers a type only when every sampled value fits it", () => {
    expect(inferFieldType("annualRevenue", ["$50,000", "1200000"])).toBe("currency");
    expect(inferFieldType("score", ["72,5", "18"])).toBe("number");
    expect(inferFieldType("birthday", ["1992-12-11", "6/4/1978", "18.12.2022"])).toBe("date");
    expect(inferFieldType("createdAt", ["2024-06-18 23:39", "3/30/2022"])).toBe("datetime");
    expect(inferFieldType("secondaryEmail", ["a@x.io"])).toBe("email");
    expect(inferFieldType("hubspotRecordId", ["17411"])).toBe("text");
    expect(inferFieldType("notes", ["fine", "also 12"])).toBe("text");
  });

  it("identifies a header set whatever the order and case", () => {
    expect(headerSignature(["Email", "Name"])).toBe(headerSignature([" name", "EMAIL"]));
    expect(headerSignature(["Email", "Name"])).not.toBe(headerSignature(["Email", "Phone"]));
  });
});
