import { cn } from "@/components/ui/cn";
import type { ImportPreview, Mapping } from "./types";

/** The first rows exactly as the importer will read them; ignored columns are dimmed. */
export function PreviewTable({ headers, rows, mapping }: { headers: string[]; rows: ImportPreview["rows"]; mapping: Mapping }) {
  return (
    <div className="max-h-96 overflow-auto rounded-lg border border-border" data-testid="import-preview">
      <table className="text-[12px]">
        <thead className="sticky top-0 bg-surface text-left text-muted-foreground">
          <tr>
            <th className="px-2 py-1.5 font-medium tabular-nums">Row</th>
            {headers.map((header) => (
              <th key={header} className={cn("px-2 py-1.5 font-medium whitespace-nowrap", mapping[header] ? "text-foreground" : "opacity-50")}>
                {header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.row} className="border-t border-border">
              <td className="px-2 py-1 text-muted-foreground tabular-nums">{row.row}</td>
              {headers.map((header, index) => (
                <td key={header} className={cn("max-w-56 truncate px-2 py-1 whitespace-nowrap", !mapping[header] && "opacity-50")} title={row.cells[index]}>
                  {row.cells[index]}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
