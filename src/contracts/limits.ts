/** Every length and size limit in one place, shared by forms, routes and imports. */
export const LIMITS = {
  nameMax: 20,
  staffNoMax: 30,
  shortTextMax: 50,
  noteMax: 500,
  tagMax: 20,
  tagsMax: 20,
  pageSizeMax: 200,
  orgNameMax: 60,
  passwordMin: 8,
  passwordMax: 128,
  importFileMaxBytes: 20 * 1024 * 1024,
  importRowsMax: 50_000,
  exportRowsMax: 50_000,
  loginFailuresMax: 5,
  loginWindowMinutes: 15,
  sessionDays: 14,
} as const;
