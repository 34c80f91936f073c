export { ProposalAdminPage } from './ProposalAdminPage';
export { ProposalAssignedPage } from './ProposalAssignedPage';
export { ProposalFiguresPage } from './ProposalFiguresPage';
export { ProposalFormPage } from './ProposalFormPage';
export { ProposalOverduePage } from './ProposalOverduePage';
export { ProposalPage } from './ProposalPage';
export { ProposalsMyPage } from './ProposalsMyPage';
