export { RosterPage } from './RosterPage';
export { MemberDetailPage } from './MemberDetailPage';
export { MemberCreatePage } from './MemberCreatePage';
