"use client";

import {
  createContext, useContext, useEffect, useId, useRef, useState,
  type ButtonHTMLAttributes, type KeyboardEvent, type ReactNode,
} from "react";
import { cn } from "./cn";

interface MenuState {
  open: boolean;
  setOpen: (open: boolean) => void;
  menuId: string;
  triggerId: string;
}

const MenuContext = createContext<MenuState | null>(null);

function useMenu(): MenuState {
  const state = useContext(MenuContext);
  if (!state) throw new Error("Menu parts must be rendered inside <Menu>");
  return state;
}

/** A small dropdown menu: closes on outside press, Escape, or choosing an item; arrow keys move between items. */
export function Menu({ children, className }: { children: ReactNode; className?: string }) {
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const menuId = useId();
  const triggerId = useId();

  useEffect(() => {
    if (!open) return;
    const onPointerDown = (event: PointerEvent) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener("pointerdown", onPointerDown);
    return () => document.removeEventListener("pointerdown", onPointerDown);
  }, [open]);

  return (
    <MenuContext.Provider value={{ open, setOpen, menuId, triggerId }}>
      <div ref={root} className={cn("relative", className)}>
        {children}
      </div>
    </MenuContext.Provider>
  );
}

export function MenuTrigger({ className, children, ...props }: ButtonHTMLAttributes<HTMLButtonElement>) {
  const menu = useMenu();
  return (
    <button
      type="button"
      id={menu.triggerId}
      aria-haspopup="menu"
      aria-expanded={menu.open}
      aria-controls={menu.open ? menu.menuId : undefined}
      onClick={() => menu.setOpen(!menu.open)}
      onKeyDown={(event) => {
        if (event.key === "ArrowDown" && !menu.open) {
          event.preventDefault();
          menu.setOpen(true);
        }
      }}
      className={className}
      {...props}
    >
      {children}
    </button>
  );
}

function moveFocus(container: HTMLElement, step: 1 | -1 | "first" | "last") {
  const items = Array.from(container.querySelectorAll<HTMLElement>('[role="menuitem"]:not([aria-disabled="true"])'));
  if (items.length === 0) return;
  const index = items.indexOf(document.activeElement as HTMLElement);
  const next =
    step === "first" ? 0 : step === "last" ? items.length - 1 : (index + step + items.length) % items.length;
  items[next]?.focus();
}

export function MenuContent({ align = "end", className, children }: { align?: "start" | "end"; className?: string; children: ReactNode }) {
  const menu = useMenu();
  const ref = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (menu.open && ref.current) moveFocus(ref.current, "first");
  }, [menu.open]);

  if (!menu.open) return null;
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const keys: Record<string, 1 | -1 | "first" | "last"> = { ArrowDown: 1, ArrowUp: -1, Home: "first", End: "last" };
    const step = keys[event.key];
    if (step !== undefined) {
      event.preventDefault();
      moveFocus(event.currentTarget, step);
    } else if (event.key === "Escape" || event.key === "Tab") {
      menu.setOpen(false);
      if (event.key === "Escape") document.getElementById(menu.triggerId)?.focus();
    }
  };
  return (
    <div
      ref={ref}
      id={menu.menuId}
      role="menu"
      aria-labelledby={menu.triggerId}
      onKeyDown={onKeyDown}
      className={cn(
        "absolute top-full z-50 mt-1 min-w-56 rounded-lg border border-border bg-background p-1 shadow-lg",
        align === "end" ? "right-0" : "left-0",
        className,
      )}
    >
      {children}
    </div>
  );
}

export function MenuItem({
  onSelect,
  disabled,
  className,
  children,
}: {
  onSelect?: () => void;
  disabled?: boolean;
  className?: string;
  children: ReactNode;
}) {
  const menu = useMenu();
  const choose = () => {
    if (disabled) return;
    menu.setOpen(false);
    onSelect?.();
  };
  return (
    <div
      role="menuitem"
      tabIndex={-1}
      aria-disabled={disabled || undefined}
      onClick={choose}
      onKeyDown={(event) => {
        if (event.key === "Enter" || event.key === " ") {
          event.preventDefault();
          choose();
        }
      }}
      className={cn(
        "flex h-8 cursor-default items-center gap-2 rounded-md px-2 text-[13px] outline-none select-none",
        "hover:bg-accent focus:bg-accent aria-disabled:opacity-50 [&_svg]:size-4 [&_svg]:text-muted-foreground",
        className,
      )}
    >
      {children}
    </div>
  );
}

export function MenuLabel({ className, children }: { className?: string; children: ReactNode }) {
  return <div className={cn("px-2 pt-1.5 pb-1 text-[12px] font-medium text-muted-foreground", className)}>{children}</div>;
}

export function MenuSeparator() {
  return <div role="separator" className="-mx-1 my-1 h-px bg-border" />;
}
