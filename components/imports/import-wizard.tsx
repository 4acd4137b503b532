"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Check, Lock } from "lucide-react";
import Link from "next/link";
import { useState } from "react";
import { useWorkspaceRole } from "@/components/contacts/use-role";
import { useTRPC } from "@/components/providers/trpc";
import { PageHeader } from "@/components/shell/page-header";
import { Button, buttonClasses } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { Skeleton } from "@/components/ui/skeleton";
import { Alert, EmptyState } from "@/components/ui/states";
import { customFieldsToCreate, isMappingValid, matchKeyOptions } from "./mapping-state";
import { MappingStep } from "./mapping-step";
import { defaultWizardOptions, toImportOptions, type WizardOptions } from "./options";
import { OptionsStep } from "./options-step";
import { ReviewStep } from "./review-step";
import { RunStep } from "./run-step";
import type { ExistingCustomField, ImportContactsInput, ImportPreview, Mapping } from "./types";
import type { UploadedFile } from "./upload";
import { UploadStep } from "./upload-step";

const steps = [
  { id: "upload", label: "Upload" },
  { id: "map", label: "Map columns" },
  { id: "options", label: "Options" },
  { id: "review", label: "Review" },
  { id: "run", label: "Import" },
] as const;
type StepId = (typeof steps)[number]["id"];

function Stepper({ current, onSelect }: { current: StepId; onSelect: (step: StepId) => void }) {
  const currentIndex = steps.findIndex((s) => s.id === current);
  return (
    <ol className="flex flex-wrap items-center gap-2 text-[13px]" aria-label="Import steps">
      {steps.map((step, index) => {
        const isDone = index < currentIndex;
        // Going back is free until the import runs; after that the file's fate is on the import's page.
        const canSelect = isDone && current !== "run";
        return (
          <li key={step.id} className="flex items-center gap-2">
            {index > 0 ? <span aria-hidden className="h-px w-6 bg-border" /> : null}
            <button
              type="button"
              disabled={!canSelect}
              onClick={() => onSelect(step.id)}
              aria-current={step.id === current ? "step" : undefined}
              className={cn(
                "flex items-center gap-1.5 rounded-md px-1.5 py-1",
                step.id === current ? "font-semibold text-foreground" : "text-muted-foreground",
                canSelect && "hover:bg-accent hover:text-foreground",
              )}
            >
              <span
                className={cn(
                  "flex size-5 items-center justify-center rounded-full border text-[11px] tabular-nums",
                  step.id === current && "border-primary bg-primary text-primary-foreground",
                  isDone && "border-primary text-primary",
                )}
              >
                {isDone ? <Check className="size-3" /> : index + 1}
              </span>
              {step.label}
            </button>
          </li>
        );
      })}
    </ol>
  );
}

/** /imports/new: upload → map → options → dry run → run, each step's state kept here so Back loses nothing. */
export function ImportWizard() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const role = useWorkspaceRole();
  const [step, setStep] = useState<StepId>("upload");
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [isPreparing, setIsPreparing] = useState(false);
  const [prepareError, setPrepareError] = useState<string | null>(null);
  const [mapping, setMapping] = useState<Mapping>({});
  const [createdFields, setCreatedFields] = useState<ExistingCustomField[]>([]);
  const [options, setOptions] = useState<WizardOptions>(defaultWizardOptions);
  const [importId, setImportId] = useState<string | null>(null);
  const dryRun = useMutation(trpc.imports.dryRun.mutationOptions());
  const start = useMutation(trpc.imports.importContacts.mutationOptions());

  const customFields = preview ? [...preview.customFields, ...createdFields] : [];
  const pendingFields = preview?.newCustomFields ?? [];

  const onUploaded = async (file: UploadedFile) => {
    setIsPreparing(true);
    setPrepareError(null);
    try {
      const result = await queryClient.fetchQuery(trpc.imports.preview.queryOptions({ fileId: file.fileId }));
      setPreview(result);
      setMapping(result.suggestedMapping);
      setCreatedFields([]);
      setStep("map");
    } catch (failure) {
      setPrepareError((failure as Error).message.replace(/^file: /, "The file could not be read: "));
    } finally {
      setIsPreparing(false);
    }
  };

  const buildInput = (): ImportContactsInput | null => {
    if (!preview) return null;
    const mapped = new Set(Object.values(mapping).filter((t): t is string => t !== null));
    return {
      fileId: preview.file.id,
      mapping,
      options: toImportOptions(options, mapped),
      newCustomFields: customFieldsToCreate(mapping, pendingFields, customFields),
    };
  };

  const goToReview = () => {
    const input = buildInput();
    if (!input) return;
    setStep("review");
    dryRun.mutate(input);
  };

  const runImport = () => {
    const input = buildInput();
    if (!input) return;
    start.mutate(input, {
      onSuccess: (result) => {
        setImportId(result.importId);
        setStep("run");
        void queryClient.invalidateQueries({ queryKey: trpc.imports.list.pathKey() });
      },
    });
  };

  const startOver = () => {
    setStep("upload");
    setPreview(null);
    setMapping({});
    setCreatedFields([]);
    setOptions(defaultWizardOptions);
    setImportId(null);
    dryRun.reset();
    start.reset();
  };

  const header = (
    <PageHeader
      title="Import contacts"
      description="From a CSV export of any CRM, spreadsheet or address book"
      actions={
        <Link href="/imports" className={buttonClasses({ variant: "ghost", size: "sm" })}>
          All imports
        </Link>
      }
    />
  );

  if (role.isPending) {
    return (
      <div className="flex min-h-0 flex-1 flex-col">
        {header}
        <div className="p-6">
          <Skeleton className="h-56 w-full" />
        </div>
      </div>
    );
  }
  if (!role.isAdmin) {
    return (
      <div className="flex min-h-0 flex-1 flex-col">
        {header}
        <EmptyState icon={<Lock />} title="Only admins can import contacts" description="Ask an admin of this workspace to run the import, or to change your role." />
      </div>
    );
  }

  const isMapValid = isMappingValid(mapping);
  const dryRunError = dryRun.error?.message ?? null;

  return (
    <div className="flex min-h-0 flex-1 flex-col">
      {header}
      <div className="flex min-h-0 flex-1 flex-col gap-5 overflow-y-auto p-6">
        <Stepper current={step} onSelect={setStep} />
        {step === "upload" && preview && !isPreparing ? (
          <div className="flex items-center justify-between gap-3 rounded-lg border border-border px-3 py-2 text-[13px]">
            <span>
              <span className="font-medium">{preview.file.fileName}</span> is uploaded; drop another file below to replace it.
            </span>
            <Button size="sm" onClick={() => setStep("map")}>
              Continue with this file
            </Button>
          </div>
        ) : null}
        {step === "upload" ? <UploadStep onUploaded={(file) => void onUploaded(file)} isPreparing={isPreparing} error={prepareError} /> : null}
        {step === "map" && preview ? (
          <MappingStep
            preview={preview}
            mapping={mapping}
            onMappingChange={setMapping}
            customFields={customFields}
            pendingFields={pendingFields}
            onFieldCreated={(field) => setCreatedFields((current) => [...current, field])}
          />
        ) : null}
        {step === "options" && preview ? (
          <OptionsStep options={options} onChange={setOptions} matchKeys={matchKeyOptions(mapping, customFields, pendingFields)} />
        ) : null}
        {step === "review" ? <ReviewStep result={dryRun.data} error={dryRunError} isPending={dryRun.isPending} skipInvalid={options.skipInvalid} /> : null}
        {step === "run" && importId ? <RunStep importId={importId} onStartOver={startOver} /> : null}
        {start.error ? <Alert>{start.error.message}</Alert> : null}

        {step !== "upload" && step !== "run" ? (
          <div className="sticky bottom-0 -mx-6 mt-auto flex items-center justify-between gap-2 border-t border-border bg-background px-6 py-3">
            <Button variant="outline" onClick={() => setStep(step === "map" ? "upload" : step === "options" ? "map" : "options")}>
              Back
            </Button>
            {step === "map" ? (
              <Button disabled={!isMapValid} onClick={() => setStep("options")}>
                Next: options
              </Button>
            ) : step === "options" ? (
              <Button onClick={goToReview}>Next: review</Button>
            ) : (
              <Button onClick={runImport} isLoading={start.isPending} disabled={dryRun.isPending || !!dryRunError}>
                Start import
              </Button>
            )}
          </div>
        ) : null}
      </div>
    </div>
  );
}
