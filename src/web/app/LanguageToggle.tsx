import { Segmented } from 'antd';
import { useLocale, type Locale } from '../lib/i18n';

/** Switches the interface between Chinese and English (the choice is remembered in this browser). */
export function LanguageToggle() {
  const { locale, setLocale } = useLocale();
  return (
    <Segmented<Locale>
      size="small"
      value={locale}
      onChange={setLocale}
      options={[
        { value: 'zh-CN', label: '中文' },
        { value: 'en', label: 'English' },
      ]}
    />
  );
}
