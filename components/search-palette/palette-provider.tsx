"use client";

import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from "react";
import { isPaletteShortcut } from "./keys";
import { SearchPalette } from "./search-palette";

interface PaletteControls {
  /** Opens the palette, optionally with text already typed (the search box above the table). */
  open: (query?: string) => void;
}

const PaletteContext = createContext<PaletteControls | null>(null);

export function useSearchPalette(): PaletteControls {
  const controls = useContext(PaletteContext);
  if (!controls) throw new Error("useSearchPalette needs a SearchPaletteProvider above it");
  return controls;
}

/** Mounts the palette once for the signed-in app and listens for Cmd/Ctrl+K anywhere in it. */
export function SearchPaletteProvider({ workspaceId, children }: { workspaceId: string | null; children: ReactNode }) {
  const [state, setState] = useState<{ isOpen: boolean; query: string; opened: number }>({ isOpen: false, query: "", opened: 0 });
  const open = useCallback((query = "") => setState((current) => ({ isOpen: true, query, opened: current.opened + 1 })), []);

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (!isPaletteShortcut(event)) return;
      // The browser's own Ctrl+K (focus the address bar's search) would steal the keystroke.
      event.preventDefault();
      setState((current) => (current.isOpen ? { ...current, isOpen: false } : { isOpen: true, query: "", opened: current.opened + 1 }));
    };
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, []);

  return (
    <PaletteContext.Provider value={{ open }}>
      {children}
      {state.isOpen && workspaceId ? (
        // Keyed by each opening, so it starts from the text it was opened with.
        <SearchPalette key={state.opened} workspaceId={workspaceId} initialQuery={state.query} onClose={() => setState((current) => ({ ...current, isOpen: false }))} />
      ) : null}
    </PaletteContext.Provider>
  );
}
