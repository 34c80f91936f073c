/**
 * Pure rules of union elections (换届选举, DOMAIN.md §4 "Elections"): 姓氏笔画 order, the 差额 rule, quorum, reading
 * and counting ballots round by round, checking double-entered paper ballots, receipt codes for the ballot tracker.
 */
export * from './stroke-order.js';
export * from './candidates.js';
export * from './ballot.js';
export * from './count.js';
export * from './paper.js';
export * from './receipt.js';
