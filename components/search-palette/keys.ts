/** Cmd+K on macOS, Ctrl+K elsewhere (both accepted everywhere: people plug keyboards in). */
export function isPaletteShortcut(event: { key: string; metaKey: boolean; ctrlKey: boolean; altKey: boolean; shiftKey: boolean }): boolean {
  return event.key.toLowerCase() === "k" && (event.metaKey || event.ctrlKey) && !event.altKey && !event.shiftKey;
}

/** The next active option for ↑/↓, wrapping around; -1 when there is nothing to select. */
export function moveActive(current: number, count: number, direction: 1 | -1): number {
  if (count <= 0) return -1;
  if (current < 0) return direction === 1 ? 0 : count - 1;
  return (current + direction + count) % count;
}

const fieldLabels: Record<string, string> = {
  fullName: "Name", names: "Name", name: "Name", email: "Email", company: "Company", title: "Title", department: "Department",
  phone: "Phone", mobile: "Mobile", notes: "Note", note: "Note",
};

/** A snippet's field as a short label ("customFields.industry" → "Industry"). */
export function fieldLabel(field: string): string {
  if (fieldLabels[field]) return fieldLabels[field];
  const last = field.split(".").at(-1) ?? field;
  const spaced = last.replace(/([a-z])([A-Z])/g, "$1 $2").replace(/[_-]+/g, " ");
  return spaced.charAt(0).toUpperCase() + spaced.slice(1);
}

/**
 * The only HTML the palette renders: a server snippet, which the server escapes and marks with <mark>.
 * Anything else that reaches here (a name, an email) is refused, so no contact's data becomes markup.
 */
export function snippetMarkup(snippet: string): { __html: string } {
  if (/<(?!\/?mark>)/i.test(snippet)) throw new Error("a search snippet may only contain <mark> tags");
  return { __html: snippet };
}
