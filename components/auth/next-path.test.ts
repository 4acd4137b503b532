import { describe, expect, it } from "vitest";
import { authPageHref, safeNextPath } from "./next-path";

describe("safeNextPath", () => {
  it.each([
    ["/contacts", "/contacts"],
    ["/invite/abc_DEF-123", "/invite/abc_DEF-123"],
    ["//evil.example/login", null],
    ["/\\evil.example", null],
    ["https://evil.example", null],
    ["javascript:alert(1)", null],
    ["", null],
    [undefined, null],
  ])("%s → %s", (input, expected) => {
    expect(safeNextPath(input)).toBe(expected);
  });

  it("takes the first of repeated parameters", () => {
    expect(safeNextPath(["/a", "/b"])).toBe("/a");
  });
});

describe("authPageHref", () => {
  it("encodes next and email and drops empty ones", () => {
    expect(authPageHref("/sign-in", { next: "/invite/x", email: "a+b@c.test" })).toBe("/sign-in?next=%2Finvite%2Fx&email=a%2Bb%40c.test");
    expect(authPageHref("/sign-up", { next: null })).toBe("/sign-up");
  });
});
