import type { ReactNode } from 'react';
import { QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider, type ThemeConfig } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import enUS from 'antd/locale/en_US';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { LocaleProvider, useLocale } from '../lib/i18n';
import { queryClient } from './query-client';

// A calm theme: union red for primary actions only, neutral surfaces, slightly rounded corners.
const theme: ThemeConfig = {
  token: {
    colorPrimary: '#c8102e',
    colorLink: '#c8102e',
    borderRadius: 6,
    colorBgLayout: '#f5f5f4',
    fontFamily:
      "-apple-system, BlinkMacSystemFont, 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Source Han Sans SC', 'Helvetica Neue', Arial, sans-serif",
  },
  components: {
    Layout: { headerBg: '#ffffff', siderBg: '#ffffff', headerPadding: '0 16px', headerHeight: 56 },
    Menu: { itemSelectedBg: '#fbeaec', itemSelectedColor: '#c8102e' },
  },
};

/** antd follows the interface language; dayjs too, so dates read "9月1日" in Chinese. */
function ThemedAntd({ children }: { children: ReactNode }) {
  const { locale } = useLocale();
  dayjs.locale(locale === 'en' ? 'en' : 'zh-cn');
  document.documentElement.lang = locale;
  return (
    <ConfigProvider locale={locale === 'en' ? enUS : zhCN} theme={theme} button={{ autoInsertSpace: false }}>
      <AntApp>{children}</AntApp>
    </ConfigProvider>
  );
}

/** Everything the pages rely on: the query cache, the interface language, antd's locale and theme. */
export function AppProviders({ children }: { children: ReactNode }) {
  return (
    <QueryClientProvider client={queryClient}>
      <LocaleProvider>
        <ThemedAntd>{children}</ThemedAntd>
      </LocaleProvider>
    </QueryClientProvider>
  );
}
