"use client";

import { Check, Copy } from "lucide-react";
import { useEffect, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";

/**
 * A read-only value with a copy button. The text stays selectable by hand too, because the clipboard
 * API is missing on plain-http origins other than localhost.
 */
export function CopyField({ label, value }: { label: string; value: string }) {
  const [isCopied, setIsCopied] = useState(false);
  const [copyFailed, setCopyFailed] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (!isCopied) return;
    const timer = setTimeout(() => setIsCopied(false), 2000);
    return () => clearTimeout(timer);
  }, [isCopied]);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setIsCopied(true);
      setCopyFailed(false);
    } catch {
      inputRef.current?.select();
      setCopyFailed(true);
    }
  };

  return (
    <div className="flex flex-col gap-1.5">
      <div className="flex items-center gap-2">
        <Input
          ref={inputRef}
          readOnly
          aria-label={label}
          value={value}
          onFocus={(event) => event.currentTarget.select()}
          className="font-mono text-[12px]"
        />
        <Button variant="outline" onClick={copy} aria-label={`Copy ${label.toLowerCase()}`}>
          {isCopied ? <Check /> : <Copy />}
          {isCopied ? "Copied" : "Copy"}
        </Button>
      </div>
      {copyFailed ? <p className="text-[12px] text-muted-foreground">Copying is blocked here; the text is selected, press Ctrl+C.</p> : null}
    </div>
  );
}
