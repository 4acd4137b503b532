import { describe, expect, it } from "vitest";
import { fieldLabel, isPaletteShortcut, moveActive, snippetMarkup } from "./keys";

const press = (key: string, mods: Partial<Record<"metaKey" | "ctrlKey" | "altKey" | "shiftKey", boolean>> = {}) => ({
  key, metaKey: false, ctrlKey: false, altKey: false, shiftKey: false, ...mods,
});

describe("palette keys", () => {
  it("opens on Cmd+K and Ctrl+K only", () => {
    expect(isPaletteShortcut(press("k", { metaKey: true }))).toBe(true);
    expect(isPaletteShortcut(press("K", { ctrlKey: true }))).toBe(true);
    expect(isPaletteShortcut(press("k"))).toBe(false);
    expect(isPaletteShortcut(press("k", { ctrlKey: true, shiftKey: true }))).toBe(false);
    expect(isPaletteShortcut(press("j", { metaKey: true }))).toBe(false);
  });

  it("moves the active option with wrap-around", () => {
    expect(moveActive(-1, 3, 1)).toBe(0);
    expect(moveActive(-1, 3, -1)).toBe(2);
    expect(moveActive(2, 3, 1)).toBe(0);
    expect(moveActive(0, 3, -1)).toBe(2);
    expect(moveActive(1, 0, 1)).toBe(-1);
  });

  it("labels snippet fields", () => {
    expect(fieldLabel("email")).toBe("Email");
    expect(fieldLabel("customFields.buyingRole")).toBe("Buying Role");
  });

  it("renders server snippets with their marks, and refuses anything else that looks like markup", () => {
    expect(snippetMarkup("John <mark>Smi</mark>th &lt;CEO&gt;")).toEqual({ __html: "John <mark>Smi</mark>th &lt;CEO&gt;" });
    expect(() => snippetMarkup('<img src=x onerror="alert(1)">')).toThrow(/only contain <mark>/);
    expect(() => snippetMarkup("<mark>a</mark><script>x</script>")).toThrow();
  });
});
