/** The import wizard (being built). */
export function ImportWizardPage() {
  return <div>导入会员</div>;
}
