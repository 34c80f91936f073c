/** The member roster (being built). */
export function RosterPage() {
  return <div>会员名册</div>;
}
