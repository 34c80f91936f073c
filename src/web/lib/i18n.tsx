import { createContext, useContext, useMemo, useState, type ReactNode } from 'react';

export type Locale = 'zh-CN' | 'en';

/**
 * Interface strings. Chinese is the product's language; English covers the shell (menus, page titles,
 * common buttons) for visitors. A missing English entry falls back to the Chinese text.
 */
const EN: Record<string, string> = {
  职工之家: 'Unionhome',
  首页: 'Home',
  会员档案: 'Members',
  会员名册: 'Roster',
  导入会员: 'Import members',
  组织管理: 'Organisations',
  操作记录: 'Audit trail',
  个人中心: 'My profile',
  退出登录: 'Log out',
  登录: 'Log in',
  手机号或工号: 'Phone or staff number',
  密码: 'Password',
  当前组织: 'Current organisation',
  修改密码: 'Change password',
  保存: 'Save',
  取消: 'Cancel',
  搜索: 'Search',
  新增会员: 'Add member',
  导出: 'Export',
  下一步: 'Next',
  上一步: 'Back',
  确认导入: 'Import',
};

const LocaleContext = createContext<{ locale: Locale; setLocale: (l: Locale) => void }>({ locale: 'zh-CN', setLocale: () => undefined });

export function LocaleProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(() => (localStorage.getItem('uh.locale') === 'en' ? 'en' : 'zh-CN'));
  const value = useMemo(
    () => ({
      locale,
      setLocale: (l: Locale) => {
        localStorage.setItem('uh.locale', l);
        setLocaleState(l);
      },
    }),
    [locale],
  );
  return <LocaleContext.Provider value={value}>{children}</LocaleContext.Provider>;
}

/** The current locale and a setter (persisted in localStorage). */
export const useLocale = () => useContext(LocaleContext);

/** Translates an interface string (written in Chinese in the code) into the current locale. */
export function useT(): (zh: string) => string {
  const { locale } = useLocale();
  return (zh: string) => (locale === 'en' ? (EN[zh] ?? zh) : zh);
}
