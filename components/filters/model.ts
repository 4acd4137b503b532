import type { FilterField, FilterLeaf, FilterNode, FilterOperator, RelativeDateValue } from "./types";

/**
 * The filter builder edits a tree whose root is always a group. A condition is addressed by its
 * path of child indexes (`[2, 0]` is the first child of the root's third child), which is also how
 * the server names it in errors (`and[2].or[0].value`), so a rejected value lands on its row.
 */
export type EditableGroup = { and: FilterNode[] } | { or: FilterNode[] };
export type Path = readonly number[];

export const isGroup = (node: FilterNode): node is EditableGroup => "and" in node || "or" in node;
export const groupKind = (group: EditableGroup): "and" | "or" => ("and" in group ? "and" : "or");
export const childrenOf = (group: EditableGroup): FilterNode[] => ("and" in group ? group.and : group.or);
const withChildren = (kind: "and" | "or", children: FilterNode[]): EditableGroup => (kind === "and" ? { and: children } : { or: children });

export function toEditable(tree: FilterNode | null | undefined): EditableGroup {
  if (!tree) return { and: [] };
  return isGroup(tree) ? tree : { and: [tree] };
}

export function nodeAt(root: EditableGroup, path: Path): FilterNode | undefined {
  let node: FilterNode | undefined = root;
  for (const index of path) {
    if (!node || !isGroup(node)) return undefined;
    node = childrenOf(node)[index];
  }
  return node;
}

function updateGroupAt(group: EditableGroup, path: Path, update: (group: EditableGroup) => EditableGroup): EditableGroup {
  if (path.length === 0) return update(group);
  const [head, ...rest] = path;
  const children = childrenOf(group).map((child, index) =>
    index === head && isGroup(child) ? updateGroupAt(child, rest, update) : child,
  );
  return withChildren(groupKind(group), children);
}

export function replaceAt(root: EditableGroup, path: Path, node: FilterNode): EditableGroup {
  if (path.length === 0) return isGroup(node) ? node : root;
  const parent = path.slice(0, -1);
  const index = path[path.length - 1]!;
  return updateGroupAt(root, parent, (group) => withChildren(groupKind(group), childrenOf(group).map((child, i) => (i === index ? node : child))));
}

export function removeAt(root: EditableGroup, path: Path): EditableGroup {
  if (path.length === 0) return withChildren(groupKind(root), []);
  const index = path[path.length - 1]!;
  return updateGroupAt(root, path.slice(0, -1), (group) => withChildren(groupKind(group), childrenOf(group).filter((_, i) => i !== index)));
}

export function appendAt(root: EditableGroup, groupPath: Path, node: FilterNode): EditableGroup {
  return updateGroupAt(root, groupPath, (group) => withChildren(groupKind(group), [...childrenOf(group), node]));
}

export function setGroupKindAt(root: EditableGroup, path: Path, kind: "and" | "or"): EditableGroup {
  return updateGroupAt(root, path, (group) => withChildren(kind, childrenOf(group)));
}

/** ANDs one more condition into a tree (a chart click, a quick filter). */
export function addCondition(tree: FilterNode | null | undefined, condition: FilterNode): FilterNode {
  if (!tree) return { and: [condition] };
  if ("and" in tree) return { and: [...tree.and, condition] };
  return { and: [tree, condition] };
}

export type ValueShape = "none" | "single" | "pair" | "list" | "relative";

export function valueShape(operator: FilterOperator): ValueShape {
  switch (operator) {
    case "isEmpty":
    case "isNotEmpty":
      return "none";
    case "between":
      return "pair";
    case "in":
    case "notIn":
    case "includes":
    case "includesAll":
    case "excludes":
      return "list";
    case "inLast":
    case "moreThanAgo":
    case "inNext":
      return "relative";
    default:
      return "single";
  }
}

const preferredOperator: Record<FilterField["kind"], FilterOperator> = {
  text: "contains", number: "gte", datetime: "inLast", date: "inLast", boolean: "eq",
  enum: "eq", id: "eq", set: "includes", segment: "eq",
};

function defaultValue(field: FilterField, operator: FilterOperator): unknown {
  const shape = valueShape(operator);
  if (shape === "relative") return { n: 30, unit: "days" } satisfies RelativeDateValue;
  if (shape === "list") return [];
  if (shape === "pair") return [undefined, undefined];
  if (field.kind === "boolean") return true;
  return undefined;
}

export function defaultLeaf(field: FilterField): FilterLeaf {
  const operator = field.operators.includes(preferredOperator[field.kind]) ? preferredOperator[field.kind] : field.operators[0]!;
  const value = defaultValue(field, operator);
  return value === undefined ? { field: field.key, operator } : { field: field.key, operator, value };
}

/** A new operator keeps the value when it has the same shape ("is" → "is not"), otherwise starts afresh. */
export function withOperator(leaf: FilterLeaf, field: FilterField, operator: FilterOperator): FilterLeaf {
  const keep = valueShape(operator) === valueShape(leaf.operator);
  const value = keep ? leaf.value : defaultValue(field, operator);
  return value === undefined || valueShape(operator) === "none" ? { field: leaf.field, operator } : { field: leaf.field, operator, value };
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const isBlank = (value: unknown) => value === undefined || value === null || (typeof value === "string" && value.trim() === "");

function scalarProblem(field: FilterField, value: unknown): string | null {
  if (isBlank(value)) return "Enter a value";
  if (field.kind === "number") {
    const number = typeof value === "number" ? value : Number(value);
    if (!Number.isFinite(number)) return "Enter a number";
    if (field.isInteger && !Number.isInteger(number)) return "Enter a whole number";
  }
  if ((field.kind === "date" || field.kind === "datetime") && !(typeof value === "string" && DAY.test(value))) return "Pick a date";
  return null;
}

/** What keeps a condition from being applied, in words for the row; null when it is complete. */
export function leafProblem(field: FilterField | undefined, leaf: FilterLeaf): string | null {
  if (!field) return "This field no longer exists; remove the condition";
  const shape = valueShape(leaf.operator);
  const value = leaf.value;
  switch (shape) {
    case "none":
      return null;
    case "single":
      return scalarProblem(field, value);
    case "pair": {
      if (!Array.isArray(value) || value.length !== 2) return "Enter both ends";
      const problem = scalarProblem(field, value[0]) ?? scalarProblem(field, value[1]);
      if (problem) return problem;
      if (field.kind === "number" && Number(value[0]) > Number(value[1])) return "The first value must not exceed the second";
      if ((field.kind === "date" || field.kind === "datetime") && String(value[0]) > String(value[1])) return "The start must not be after the end";
      return null;
    }
    case "list": {
      if (!Array.isArray(value) || value.length === 0) return "Choose at least one value";
      for (const item of value) {
        const problem = scalarProblem(field, item);
        if (problem) return problem;
      }
      return null;
    }
    case "relative": {
      const amount = value as Partial<RelativeDateValue> | undefined;
      if (!amount || typeof amount.n !== "number" || !Number.isInteger(amount.n) || amount.n < 0) return "Enter a whole number";
      return null;
    }
  }
}

export interface TreeProblem {
  path: Path;
  message: string;
}

/** Every incomplete condition and empty group, so Apply can point at each before asking the server. */
export function treeProblems(root: EditableGroup, fieldsByKey: ReadonlyMap<string, FilterField>): TreeProblem[] {
  const problems: TreeProblem[] = [];
  const walk = (group: EditableGroup, path: number[]) => {
    const children = childrenOf(group);
    if (children.length === 0 && path.length > 0) problems.push({ path, message: "Add a condition or remove this group" });
    children.forEach((child, index) => {
      const at = [...path, index];
      if (isGroup(child)) walk(child, at);
      else {
        const message = leafProblem(fieldsByKey.get(child.field), child);
        if (message) problems.push({ path: at, message });
      }
    });
  };
  walk(root, []);
  return problems;
}

/** The tree to send: null for an empty root, so "no conditions" never reaches the server as `{and: []}`. */
export function finishTree(root: EditableGroup): FilterNode | null {
  return childrenOf(root).length === 0 ? null : root;
}

/**
 * The server's `and[2].or[0].value: expected a number for score; …` as builder paths. The root group's
 * own kind is the first segment; only indexes matter for locating the row.
 */
export function serverProblems(message: string): TreeProblem[] {
  const problems: TreeProblem[] = [];
  for (const part of message.split("; ")) {
    const match = /^((?:(?:and|or)\[\d+\]\.?)+)(?:\.?[a-z]+(?:\[\d+\])?)?: (.+)$/.exec(part);
    if (!match) continue;
    const path = [...match[1]!.matchAll(/\[(\d+)\]/g)].map((m) => Number(m[1]));
    problems.push({ path, message: match[2]! });
  }
  return problems;
}

export const samePath = (a: Path, b: Path) => a.length === b.length && a.every((value, index) => value === b[index]);
