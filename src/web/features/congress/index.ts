// 教代会: the representatives' pages (term, session, ballots, check-in) and the organisers' (terms, representatives, sessions, attendance, votes, hall screen).
export { CongressPage } from './CongressPage';
export { SessionPage } from './SessionPage';
export { CongressCheckinPage } from './CongressCheckinPage';
export { CongressAdminPage } from './CongressAdminPage';
export { TermPage } from './TermPage';
export { SessionManagePage } from './SessionManagePage';
export { HallScreenPage } from './HallScreenPage';
