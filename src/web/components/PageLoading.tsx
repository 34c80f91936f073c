import { Spin } from 'antd';

/** A centred spinner for a page or a card whose data is still loading. */
export function PageLoading({ minHeight = 200 }: { minHeight?: number }) {
  return (
    <div style={{ display: 'flex', alignItems: 'center', justifyContent: 'center', minHeight }}>
      <Spin />
    </div>
  );
}
