/** One problem in one cell of the uploaded file; `row` is the row number the user sees in Excel. */
export interface ImportProblem {
  row: number;
  field: string | null;
  column: string;
  value: string;
  message: string;
}

/** The stages of an import on the server. */
export type ImportStatus = 'reading' | 'read' | 'checking' | 'checked' | 'committed' | 'failed';

/** How rows that match an existing member are treated. */
export type ImportMode = 'create' | 'upsert';

/** GET /imports/:id: where the import stands, its headers and mapping, and the check's outcome. */
export interface ImportJob {
  id: string;
  fileName: string;
  status: ImportStatus;
  progress: number;
  rowsDone: number;
  rowCount: number;
  headers: string[];
  /** Column index (as a string) → roster field key; '' or absent means the column is not imported. */
  mapping: Record<string, string>;
  mode: ImportMode | null;
  result: {
    total: number;
    toCreate: number;
    toUpdate: number;
    problems: ImportProblem[];
    created?: number;
    updated?: number;
  } | null;
  error: string | null;
}
