/**
 * Pure rules of care (送温暖): deadlines, caps, festivals, presets, hardship levels, birthdays, coverage. Server
 * code may import from here; web code imports the single files it needs (money, deadlines, festivals, caps,
 * hardship, coverage), never this index nor birthdays, which pulls in the lunar calendar library.
 */
export * from './deadlines.js';
export * from './money.js';
export * from './caps.js';
export * from './festivals.js';
export * from './presets.js';
export * from './hardship.js';
export * from './birthdays.js';
export * from './coverage.js';
