import { clsx, type ClassValue } from "clsx";

/** Joins class names; later classes are appended, so callers override by passing more specific utilities. */
export function cn(...inputs: ClassValue[]): string {
  return clsx(inputs);
}
