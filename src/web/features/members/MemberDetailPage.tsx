/** One member's record (being built). */
export function MemberDetailPage() {
  return <div>会员档案</div>;
}
