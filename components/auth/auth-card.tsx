import type { ReactNode } from "react";

/** The frame every signed-out page shares: the brand, a title, the form, and a line of links under it. */
export function AuthCard({ title, description, children, footer }: { title: string; description?: ReactNode; children: ReactNode; footer?: ReactNode }) {
  return (
    <div className="flex w-full max-w-sm flex-col gap-6">
      <div className="flex items-center justify-center gap-2">
        <span aria-hidden className="flex size-7 items-center justify-center rounded-md bg-primary text-[13px] font-bold text-primary-foreground">
          h
        </span>
        <span className="text-[15px] font-semibold tracking-tight">hasteCRM</span>
      </div>
      <div className="rounded-xl border border-border bg-background p-6 shadow-sm">
        <div className="mb-5 flex flex-col gap-1">
          <h1 className="text-[18px] font-semibold tracking-tight">{title}</h1>
          {description ? <p className="text-[13px] text-muted-foreground">{description}</p> : null}
        </div>
        {children}
      </div>
      {footer ? <div className="text-center text-[13px] text-muted-foreground">{footer}</div> : null}
    </div>
  );
}
