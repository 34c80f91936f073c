/** The new-member form (being built). */
export function MemberCreatePage() {
  return <div>新增会员</div>;
}
