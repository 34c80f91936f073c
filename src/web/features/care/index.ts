export { BirthdaysPage } from './BirthdaysPage';
export { CareEventNewPage } from './CareEventNewPage';
export { CareEventPage } from './CareEventPage';
export { CareListPage } from './CareListPage';
export { CareMyPage } from './CareMyPage';
