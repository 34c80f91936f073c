// 选举: the voter's phone pages (ballot, receipt, published ballots) and the organisers' and tellers' pages.
export { ElectionsPage } from './ElectionsPage';
export { ElectionPage } from './ElectionPage';
export { ElectionManagePage } from './ElectionManagePage';
export { TrackerPage } from './TrackerPage';
