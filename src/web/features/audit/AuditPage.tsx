/** The audit trail (being built). */
export function AuditPage() {
  return <div>操作记录</div>;
}
