import { describe, expect, it } from "vitest";
import { checkImportFile } from "./upload";

describe("choosing a file to import", () => {
  it("takes CSV, TSV and text files, whatever type the browser guessed", () => {
    expect(checkImportFile(new File(["Email\na@x.io\n"], "people.CSV", { type: "" }))).toBeNull();
    expect(checkImportFile(new File(["Email\ta\n"], "people.tsv", { type: "text/tab-separated-values" }))).toBeNull();
    expect(checkImportFile(new File(["Email\n"], "export", { type: "text/csv" }))).toBeNull();
  });

  it("refuses empty files and files that are plainly not CSV", () => {
    expect(checkImportFile(new File([], "empty.csv"))).toBe("The file is empty");
    expect(checkImportFile(new File(["PK"], "contacts.xlsx", { type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" }))).toMatch(/Choose a CSV file/);
  });
});
