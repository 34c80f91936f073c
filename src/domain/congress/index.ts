/**
 * Pure rules of the staff representative congress (教代会) and its proposals (提案): terms, quorum and passing,
 * composition, the proposal state machine, reply deadlines over working days, proposal figures. Server code may
 * import from here; web code imports the single files it needs, and working-days only where the lunar calendar
 * library may be loaded.
 */
export * from './term.js';
export * from './voting.js';
export * from './composition.js';
export * from './proposal-states.js';
export * from './working-days.js';
export * from './proposal-figures.js';
