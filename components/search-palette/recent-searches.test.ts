import { describe, expect, it } from "vitest";
import { MAX_RECENT, addRecent, clearRecent, readRecent, type RecentStore } from "./recent-searches";

function memoryStore(): RecentStore & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return { data, getItem: (key) => data.get(key) ?? null, setItem: (key, value) => void data.set(key, value), removeItem: (key) => void data.delete(key) };
}

describe("recent searches", () => {
  it("keeps the newest first, folds repeats typed differently, and stops at the limit", () => {
    const store = memoryStore();
    addRecent(store, "w1", "jonh smith");
    addRecent(store, "w1", "stripe");
    expect(addRecent(store, "w1", "  Jonh   Smith ")).toEqual(["Jonh Smith", "stripe"]);
    for (let i = 0; i < 12; i++) addRecent(store, "w1", `query ${i}`);
    const recent = readRecent(store, "w1");
    expect(recent).toHaveLength(MAX_RECENT);
    expect(recent[0]).toBe("query 11");
  });

  it("keeps each workspace's searches apart, ignores blanks, and clears", () => {
    const store = memoryStore();
    addRecent(store, "w1", "acme");
    expect(addRecent(store, "w2", "   ")).toEqual([]);
    expect(readRecent(store, "w2")).toEqual([]);
    clearRecent(store, "w1");
    expect(readRecent(store, "w1")).toEqual([]);
  });

  it("survives a corrupt entry", () => {
    const store = memoryStore();
    store.setItem("hastecrm:recent-searches:w1", "{not json");
    expect(readRecent(store, "w1")).toEqual([]);
    store.setItem("hastecrm:recent-searches:w1", JSON.stringify(["ok", 3, null]));
    expect(readRecent(store, "w1")).toEqual(["ok"]);
  });
});
