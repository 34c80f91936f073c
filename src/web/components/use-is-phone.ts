import { Grid } from 'antd';

/** True below antd's `md` breakpoint (768 px): the layout switches to its phone form. */
export function useIsPhone(): boolean {
  const screens = Grid.useBreakpoint();
  // Before the first measurement every breakpoint is undefined; assume a desktop until told otherwise.
  return screens.md === false;
}
