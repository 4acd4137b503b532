"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Clock, Loader2, Search, Sparkles } from "lucide-react";
import { useRouter } from "next/navigation";
import { useEffect, useId, useRef, useState, type KeyboardEvent } from "react";
import { useTRPC } from "@/components/providers/trpc";
import { cn } from "@/components/ui/cn";
import { fieldLabel, moveActive, snippetMarkup } from "./keys";
import { addRecent, clearRecent, readRecent } from "./recent-searches";

type Mode = "keyword" | "semantic";

interface Highlight {
  field: string;
  snippet: string;
}

interface Row {
  id: string;
  fullName: string;
  email: string;
  company: string | null;
  highlights: Highlight[];
  explanation?: string;
}

const numberFormat = new Intl.NumberFormat("en-US");
const RESULTS = 8;

function useDebounced<T>(value: T, ms: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return debounced;
}

const browserStore = () => (typeof window === "undefined" ? null : window.localStorage);

function Marked({ highlight, fallback, className }: { highlight: Highlight | undefined; fallback: string | null; className?: string }) {
  if (highlight) return <span className={className} dangerouslySetInnerHTML={snippetMarkup(highlight.snippet)} />;
  return fallback ? <span className={className}>{fallback}</span> : null;
}

function ResultRow({ row }: { row: Row }) {
  const byField = new Map(row.highlights.map((highlight) => [highlight.field, highlight]));
  const others = row.highlights.filter((highlight) => !["fullName", "email", "company"].includes(highlight.field));
  return (
    <div className="flex min-w-0 flex-col gap-0.5">
      <div className="flex min-w-0 items-baseline gap-2">
        <Marked highlight={byField.get("fullName")} fallback={row.fullName || row.email} className="truncate font-medium" />
        <Marked highlight={byField.get("company")} fallback={row.company} className="truncate text-[12px] text-muted-foreground" />
      </div>
      <Marked highlight={byField.get("email")} fallback={row.email} className="truncate text-[12px] text-muted-foreground" />
      {others.slice(0, 2).map((highlight) => (
        <span key={highlight.field} className="truncate text-[12px] text-muted-foreground">
          <span className="text-foreground/70">{fieldLabel(highlight.field)}: </span>
          <span dangerouslySetInnerHTML={snippetMarkup(highlight.snippet)} />
        </span>
      ))}
      {row.explanation ? (
        <span className="text-[12px] text-muted-foreground" data-testid="semantic-explanation">
          <Sparkles className="mr-1 inline size-3 align-[-1px] text-primary" />
          {row.explanation}
        </span>
      ) : null}
    </div>
  );
}

/**
 * The Cmd/Ctrl+K palette: results from the first keystroke with the matches marked, ↑/↓ and Enter,
 * recent searches when empty, and a semantic mode where the deployment has pgvector. Each response is
 * cached under the text it answers, so a slow answer to "jo" never replaces the answer to "john".
 */
export function SearchPalette({ workspaceId, initialQuery, onClose }: { workspaceId: string; initialQuery: string; onClose: () => void }) {
  const trpc = useTRPC();
  const router = useRouter();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const listId = useId();
  const [query, setQuery] = useState(initialQuery);
  const [mode, setMode] = useState<Mode>("keyword");
  const [active, setActive] = useState(-1);
  const [recent, setRecent] = useState<string[]>(() => {
    const store = browserStore();
    return store ? readRecent(store, workspaceId) : [];
  });
  const text = useDebounced(query.trim(), 100);
  const capabilities = useQuery({ ...trpc.search.capabilities.queryOptions(), staleTime: 5 * 60_000 });
  const canUseSemantic = capabilities.data?.semantic === true;
  const keyword = useQuery({
    ...trpc.search.contacts.queryOptions({ query: text, first: RESULTS, includeFacets: false }),
    enabled: mode === "keyword" && text.length > 0,
    placeholderData: keepPreviousData,
  });
  const semantic = useQuery({
    ...trpc.search.semantic.queryOptions({ query: text, first: RESULTS }),
    enabled: mode === "semantic" && canUseSemantic && text.length > 1,
    placeholderData: keepPreviousData,
    retry: false,
  });

  useEffect(() => {
    const dialog = dialogRef.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);

  const current = mode === "keyword" ? keyword : semantic;
  const rows: Row[] =
    text.length === 0
      ? []
      : mode === "keyword"
        ? (keyword.data?.nodes ?? [])
        : (semantic.data?.nodes ?? []).map((node) => ({ id: node.id, fullName: node.fullName, email: node.email, company: node.company, highlights: [], explanation: node.explanation }));
  const showRecent = query.trim().length === 0;
  const options = showRecent ? recent.length : rows.length;
  const activeIndex = active < options ? active : -1;

  const openContact = (id: string) => {
    const store = browserStore();
    if (store) addRecent(store, workspaceId, query);
    onClose();
    router.push(`/contacts/${id}`);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      setActive(moveActive(activeIndex, options, event.key === "ArrowDown" ? 1 : -1));
    } else if (event.key === "Enter") {
      event.preventDefault();
      if (showRecent && activeIndex >= 0) setQuery(recent[activeIndex]!);
      else if (!showRecent) {
        const row = rows[Math.max(activeIndex, 0)];
        if (row) openContact(row.id);
      }
    }
  };

  const corrections = mode === "keyword" ? (keyword.data?.corrections ?? []) : [];
  const total = mode === "keyword" ? keyword.data?.totalCount : undefined;

  return (
    <dialog
      ref={dialogRef}
      aria-label="Search contacts"
      onClose={onClose}
      onMouseDown={(event) => {
        if (event.target === event.currentTarget) onClose();
      }}
      className="m-auto mt-[12vh] w-full max-w-xl rounded-xl border border-border bg-background p-0 text-foreground shadow-2xl backdrop:bg-black/20"
    >
      <div className="flex items-center gap-2 border-b border-border px-3">
        {current.isFetching ? <Loader2 className="size-4 animate-spin text-muted-foreground" /> : <Search className="size-4 text-muted-foreground" />}
        <input
          autoFocus
          role="combobox"
          aria-expanded={options > 0}
          aria-controls={listId}
          aria-activedescendant={activeIndex >= 0 ? `${listId}-${activeIndex}` : undefined}
          aria-autocomplete="list"
          aria-label="Search contacts"
          placeholder={mode === "semantic" ? "Describe who you are looking for…" : "Search by name, email, company, phone…"}
          value={query}
          onChange={(event) => {
            setQuery(event.target.value);
            setActive(-1);
          }}
          onKeyDown={onKeyDown}
          className="h-12 min-w-0 flex-1 bg-transparent text-[14px] outline-none placeholder:text-muted-foreground"
        />
        {canUseSemantic ? (
          <div role="radiogroup" aria-label="Search mode" className="flex shrink-0 rounded-md border border-border p-0.5 text-[12px]">
            {(["keyword", "semantic"] as const).map((value) => (
              <button
                key={value}
                type="button"
                role="radio"
                aria-checked={mode === value}
                onClick={() => setMode(value)}
                className={cn("rounded px-2 py-0.5 capitalize", mode === value ? "bg-accent font-medium" : "text-muted-foreground hover:text-foreground")}
              >
                {value}
              </button>
            ))}
          </div>
        ) : null}
      </div>

      <div className="max-h-[55vh] overflow-y-auto p-1.5 text-[13px]">
        {showRecent ? (
          recent.length > 0 ? (
            <>
              <div className="flex items-center justify-between px-2 py-1 text-[11px] text-muted-foreground">
                <span>Recent searches</span>
                <button
                  type="button"
                  className="hover:text-foreground"
                  onClick={() => {
                    const store = browserStore();
                    if (store) clearRecent(store, workspaceId);
                    setRecent([]);
                  }}
                >
                  Clear
                </button>
              </div>
              <ul id={listId} role="listbox" aria-label="Recent searches">
                {recent.map((item, index) => (
                  <li
                    key={item}
                    id={`${listId}-${index}`}
                    role="option"
                    aria-selected={index === activeIndex}
                    onMouseDown={(event) => event.preventDefault()}
                    onClick={() => setQuery(item)}
                    className={cn("flex cursor-pointer items-center gap-2 rounded-md px-2 py-1.5", index === activeIndex && "bg-accent")}
                  >
                    <Clock className="size-3.5 text-muted-foreground" />
                    {item}
                  </li>
                ))}
              </ul>
            </>
          ) : (
            <p className="px-2 py-6 text-center text-muted-foreground">Type a name, an email, a company or a phone number.</p>
          )
        ) : current.isError ? (
          <p role="alert" className="px-2 py-6 text-center text-destructive">{current.error.message}</p>
        ) : rows.length === 0 ? (
          <p className="px-2 py-6 text-center text-muted-foreground">{current.isFetching || text !== query.trim() ? "Searching…" : "No contacts match."}</p>
        ) : (
          <ul id={listId} role="listbox" aria-label="Contacts found">
            {rows.map((row, index) => (
              <li
                key={row.id}
                id={`${listId}-${index}`}
                role="option"
                aria-selected={index === activeIndex}
                onMouseEnter={() => setActive(index)}
                onClick={() => openContact(row.id)}
                className={cn("cursor-pointer rounded-md px-2 py-1.5 [&_mark]:rounded-sm [&_mark]:bg-amber-200/70 [&_mark]:text-inherit dark:[&_mark]:bg-amber-500/30", index === activeIndex && "bg-accent")}
              >
                <ResultRow row={row} />
              </li>
            ))}
          </ul>
        )}
      </div>

      <div className="flex items-center justify-between gap-2 border-t border-border px-3 py-1.5 text-[11px] text-muted-foreground">
        <span data-testid="search-summary">
          {corrections.length > 0
            ? `Also searched: ${corrections.map((c) => `${c.word} → ${c.suggestions.join(", ")}`).join("; ")}`
            : total !== undefined && !showRecent
              ? `${keyword.data?.totalCountIsEstimate ? "about " : ""}${numberFormat.format(total)} ${total === 1 ? "contact" : "contacts"}`
              : mode === "semantic"
                ? "Ranked by meaning and by the words you typed"
                : ""}
        </span>
        <span>↑↓ to move · Enter to open · Esc to close</span>
      </div>
    </dialog>
  );
}
