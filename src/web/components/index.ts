// Shared building blocks of the web client; feature folders import from here.
export { PageHeader } from './PageHeader';
export { PageLoading } from './PageLoading';
export { ErrorAlert, errorMessage } from './ErrorAlert';
export { applyFieldErrors, useFormError } from './form-errors';
export { OneTimePasswordModal, type OneTimePassword } from './OneTimePasswordModal';
export { AUDIT_ACTION_LABELS, auditActionLabel } from './audit-labels';
export { byRoleRank, roleLabel, rolesLabel } from './role-format';
export { useIsPhone } from './use-is-phone';
export { MemberOption, useMemberSearch, type FoundMember } from './member-search';
export { PeriodPicker, periodPresets, type Period, type PeriodPreset } from './PeriodPicker';
export { RequireUnion } from './RequireUnion';
export { ScanCheckinResult } from './ScanCheckinResult';
export { DateTimeInput } from './DateTimeInput';
export { PickedFiles } from './PickedFiles';
