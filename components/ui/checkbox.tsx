import { forwardRef, type InputHTMLAttributes } from "react";
import { cn } from "./cn";

export const Checkbox = forwardRef<HTMLInputElement, Omit<InputHTMLAttributes<HTMLInputElement>, "type">>(function Checkbox(
  { className, ...props },
  ref,
) {
  return (
    <input
      ref={ref}
      type="checkbox"
      className={cn("size-4 rounded border-input accent-primary align-middle disabled:opacity-50", className)}
      {...props}
    />
  );
});
