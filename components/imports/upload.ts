export interface UploadedFile {
  fileId: string;
  fileName: string;
  sizeBytes: number;
}

export class UploadError extends Error {}

/**
 * Sends the file as the raw body of POST /api/files. XMLHttpRequest rather than fetch because only it
 * reports upload progress; the body streams from disk, so a large file is never read into memory here.
 */
export function uploadFile(file: File, onProgress: (fraction: number) => void, signal?: AbortSignal): Promise<UploadedFile> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", `/api/files?name=${encodeURIComponent(file.name)}`);
    xhr.setRequestHeader("content-type", file.type || "text/csv");
    xhr.responseType = "json";
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    };
    xhr.onload = () => {
      const body = xhr.response as { fileId?: string; fileName?: string; sizeBytes?: number; error?: { message?: string } } | null;
      if (xhr.status >= 200 && xhr.status < 300 && body?.fileId) {
        onProgress(1);
        resolve({ fileId: body.fileId, fileName: body.fileName ?? file.name, sizeBytes: body.sizeBytes ?? file.size });
      } else {
        reject(new UploadError(body?.error?.message?.replace(/^file: /, "") ?? `The upload failed (HTTP ${xhr.status})`));
      }
    };
    xhr.onerror = () => reject(new UploadError("The upload failed: the connection dropped"));
    xhr.onabort = () => reject(new UploadError("The upload was cancelled"));
    signal?.addEventListener("abort", () => xhr.abort());
    xhr.send(file);
  });
}

/** Files a browser hands us from a drop can be anything; the server sniffs the format, we only refuse the obvious. */
export function checkImportFile(file: File): string | null {
  if (file.size === 0) return "The file is empty";
  if (!/\.(csv|tsv|txt)$/i.test(file.name) && !/csv|text\/plain|tab-separated/.test(file.type)) return "Choose a CSV file (.csv, .tsv or .txt)";
  return null;
}
