const MB = 1024 * 1024;

/** A file's size as people read it: "1.2 MB", "380 KB" (never "0 KB"). */
export function fileSizeText(bytes: number): string {
  return bytes >= MB ? `${(bytes / MB).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}
