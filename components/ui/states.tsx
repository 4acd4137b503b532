import type { ReactNode } from "react";
import { TriangleExclamationPoint } from "lucide-react";
import { cn } from "./cn";

/** The "nothing here yet" panel every list shows instead of an empty table. */
export function EmptyState({
  icon,
  title,
  description,
  action,
  className,
}: {
  icon?: ReactNode;
  title: ReactNode;
  description?: ReactNode;
  action?: ReactNode;
  className?: string;
}) {
  return (
    <div className={cn("flex flex-col items-center justify-center gap-2 px-6 py-16 text-center", className)}>
      {icon ? (
        <div className="mb-1 flex size-10 items-center justify-center rounded-lg border border-border bg-surface text-muted-foreground [&_svg]:size-5">
          {icon}
        </div>
      ) : null}
      <h2 className="text-[14px] font-semibold">{title}</h2>
      {description ? <p className="max-w-md text-[13px] text-muted-foreground">{description}</p> : null}
      {action ? <div className="mt-2">{action}</div> : null}
    </div>
  );
}

export function ErrorState({
  title = "Something went wrong",
  message,
  action,
  className,
}: {
  title?: ReactNode;
  message?: ReactNode;
  action?: ReactNode;
  className?: string;
}) {
  return (
    <div role="alert" className={cn("flex flex-col items-center justify-center gap-2 px-6 py-16 text-center", className)}>
      <div className="mb-1 flex size-10 items-center justify-center rounded-lg border border-destructive/30 bg-destructive/10 text-destructive">
        <TriangleExclamationPoint className="size-5" />
      </div>
      <h2 className="text-[14px] font-semibold">{title}</h2>
      {message ? <p className="max-w-md text-[13px] break-words text-muted-foreground">{message}</p> : null}
      {action ? <div className="mt-2">{action}</div> : null}
    </div>
  );
}

/** An inline banner for form-level errors that belong to no single field. */
export function Alert({ tone = "error", children, className }: { tone?: "error" | "info"; children: ReactNode; className?: string }) {
  return (
    <div
      role={tone === "error" ? "alert" : "status"}
      className={cn(
        "rounded-md border px-3 py-2 text-[13px]",
        tone === "error" ? "border-destructive/30 bg-destructive/10 text-destructive" : "border-border bg-surface text-muted-foreground",
        className,
      )}
    >
      {children}
    </div>
  );
}
