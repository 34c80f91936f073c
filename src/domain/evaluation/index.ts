/**
 * Pure rules of democratic evaluation (民主测评, DOMAIN.md §4 "Evaluation"): voters' groups and the minimum group
 * size, checking a ballot, participation figures, tallying a closed evaluation.
 */
export * from './groups.js';
export * from './ballot.js';
export * from './figures.js';
export * from './tally.js';
