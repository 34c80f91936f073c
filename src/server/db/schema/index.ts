export * from './orgs.js';
export * from './accounts.js';
export * from './members.js';
export * from './audit.js';
export * from './imports.js';
export * from './plans.js';
export * from './activities.js';
export * from './notifications.js';
