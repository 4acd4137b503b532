"use client";

import { useEffect, useRef, type ReactNode, type RefObject } from "react";
import { createPortal } from "react-dom";
import { cn } from "@/components/ui/cn";

/**
 * A panel pinned under an element, rendered into <body> so a table cell's `overflow: hidden` cannot
 * clip it. Closes on Escape, on a press outside both the anchor and the panel, and when the page
 * scrolls under it (its position would no longer match the anchor).
 */
export function AnchoredPopover({
  anchor,
  onClose,
  children,
  label,
  className,
}: {
  anchor: RefObject<HTMLElement | null>;
  onClose: () => void;
  children: ReactNode;
  label: string;
  className?: string;
}) {
  const panel = useRef<HTMLDivElement>(null);
  const onCloseRef = useRef(onClose);
  useEffect(() => {
    onCloseRef.current = onClose;
  });

  useEffect(() => {
    const isInside = (target: EventTarget | null) =>
      target instanceof Node && (!!panel.current?.contains(target) || !!anchor.current?.contains(target));
    const onPointerDown = (event: PointerEvent) => {
      if (!isInside(event.target)) onCloseRef.current();
    };
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === "Escape") {
        event.preventDefault();
        onCloseRef.current();
      }
    };
    const onScroll = (event: Event) => {
      if (!isInside(event.target)) onCloseRef.current();
    };
    document.addEventListener("pointerdown", onPointerDown);
    document.addEventListener("keydown", onKeyDown);
    document.addEventListener("scroll", onScroll, true);
    return () => {
      document.removeEventListener("pointerdown", onPointerDown);
      document.removeEventListener("keydown", onKeyDown);
      document.removeEventListener("scroll", onScroll, true);
    };
  }, [anchor]);

  // Positioned when mounted, from the anchor's box: a measurement, so it happens outside render.
  const place = (element: HTMLDivElement | null) => {
    panel.current = element;
    const rect = anchor.current?.getBoundingClientRect();
    if (!element || !rect) return;
    const below = rect.bottom + 4;
    const height = element.offsetHeight;
    element.style.top = `${below + height > window.innerHeight - 8 ? Math.max(8, rect.top - height - 4) : below}px`;
    element.style.left = `${Math.max(8, Math.min(rect.left, window.innerWidth - element.offsetWidth - 8))}px`;
  };

  return createPortal(
    <div
      ref={place}
      role="dialog"
      aria-label={label}
      className={cn("fixed z-50 w-72 rounded-lg border border-border bg-background p-1 text-[13px] shadow-lg", className)}
    >
      {children}
    </div>,
    document.body,
  );
}
