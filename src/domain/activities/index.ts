/**
 * Pure rules of activities. Server code may import from here; web code imports the single files it needs
 * (audience, signup, participation, recurrence), never this index nor checkin-code, which needs node:crypto.
 */
export * from './audience.js';
export * from './signup.js';
export * from './checkin-code.js';
export * from './participation.js';
export * from './recurrence.js';
