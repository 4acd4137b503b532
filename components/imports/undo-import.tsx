"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Undo2 } from "lucide-react";
import { useState } from "react";
import { useTRPC } from "@/components/providers/trpc";
import { Button } from "@/components/ui/button";
import { Dialog, DialogFooter } from "@/components/ui/dialog";
import { Alert } from "@/components/ui/states";
import { formatCount, formatWhen, undoSummary } from "./status";
import type { ImportDetail, UndoResult } from "./types";

type Edited = UndoResult["edited"][number];

/**
 * Undo in two steps: a plain confirmation, then, if the server answers needs_confirmation, the list of
 * contacts someone edited since the import, which are reverted only when the admin insists (force).
 */
export function UndoImport({ detail }: { detail: ImportDetail }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [stage, setStage] = useState<"closed" | "confirm" | "edited">("closed");
  const [edited, setEdited] = useState<{ count: number; contacts: Edited[] }>({ count: 0, contacts: [] });
  const undo = useMutation(
    trpc.imports.undo.mutationOptions({
      onSuccess: async (result) => {
        if (result.status === "needs_confirmation") {
          setEdited({ count: result.editedCount, contacts: result.edited });
          setStage("edited");
          return;
        }
        setStage("closed");
        await Promise.all([
          queryClient.invalidateQueries({ queryKey: trpc.imports.get.queryKey({ importId: detail.importId }) }),
          queryClient.invalidateQueries({ queryKey: trpc.imports.list.pathKey() }),
          queryClient.invalidateQueries({ queryKey: trpc.contacts.pathKey() }),
        ]);
      },
    }),
  );
  const c = detail.counts;
  const written = c.created + c.restored + c.updated;

  return (
    <>
      <Button variant="outline" onClick={() => setStage("confirm")} disabled={written === 0}>
        <Undo2 /> Undo import
      </Button>
      <Dialog
        open={stage === "confirm"}
        // The native <dialog> reports its close a task later, when the next stage may already be open.
        onOpenChange={(open) => !open && setStage((current) => (current === "confirm" ? "closed" : current))}
        title="Undo this import?"
        description={undoSummary(c)}
      >
        {undo.error ? <Alert>{undo.error.message}</Alert> : null}
        <DialogFooter>
          <Button variant="outline" onClick={() => setStage("closed")}>
            Keep the import
          </Button>
          <Button variant="destructive" isLoading={undo.isPending} onClick={() => undo.mutate({ importId: detail.importId, force: false })}>
            Undo import
          </Button>
        </DialogFooter>
      </Dialog>
      <Dialog
        open={stage === "edited"}
        onOpenChange={(open) => !open && setStage((current) => (current === "edited" ? "closed" : current))}
        title={`${formatCount(edited.count)} ${edited.count === 1 ? "contact was" : "contacts were"} edited since the import`}
        description="Undoing anyway also reverts these edits. Cancel to leave the import in place."
      >
        {undo.error ? <Alert className="mb-3">{undo.error.message}</Alert> : null}
        <ul className="max-h-72 divide-y divide-border overflow-auto rounded-lg border border-border text-[13px]" data-testid="edited-contacts">
          {edited.contacts.map((contact) => (
            <li key={contact.contactId} className="flex flex-col gap-0.5 px-3 py-2">
              <span className="truncate font-medium">{contact.email ?? contact.contactId}</span>
              <span className="text-[12px] text-muted-foreground">
                Edited by {contact.editedBy ?? "someone"} · {formatWhen(contact.editedAt)}
              </span>
            </li>
          ))}
        </ul>
        {edited.count > edited.contacts.length ? (
          <p className="mt-2 text-[12px] text-muted-foreground">and {formatCount(edited.count - edited.contacts.length)} more</p>
        ) : null}
        <DialogFooter>
          <Button variant="outline" onClick={() => setStage("closed")}>
            Cancel
          </Button>
          <Button variant="destructive" isLoading={undo.isPending} onClick={() => undo.mutate({ importId: detail.importId, force: true })}>
            Undo anyway, reverting these edits
          </Button>
        </DialogFooter>
      </Dialog>
    </>
  );
}
