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
  工作计划: 'Work plans',
  行事历: 'Calendar',
  活动: 'Activities',
  活动管理: 'Manage activities',
  活动统计: 'Activity statistics',
  待慰问: 'Care visits due',
  生日慰问: 'Birthdays',
  我的慰问: 'My care',
  节日慰问: 'Festival care',
  困难帮扶: 'Hardship assistance',
  退休教职工: 'Retirees',
  女工健康: "Women's health",
  慰问统计: 'Care reports',
  慰问标准: 'Care standards',
  教代会: 'Staff congress',
  教代会管理: 'Manage congress',
  我的提案: 'My proposals',
  提案管理: 'Proposals',
  提案督办: 'Proposal supervision',
  提案统计: 'Proposal figures',
  待答复提案: 'Proposals to answer',
  组织管理: 'Organisations',
  操作记录: 'Audit trail',
  个人中心: 'My profile',
  会员: 'Members',
  计划: 'Plans',
  送温暖: 'Care',
  管理: 'Administration',
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
  // Roster, member file, import wizard, audit trail.
  导入: 'Import',
  '导出 Excel': 'Export Excel',
  编辑: 'Edit',
  办理退休: 'Record retirement',
  办理转出: 'Transfer out',
  查看操作记录: 'View audit trail',
  重置登录密码: 'Reset password',
  检查数据: 'Check data',
  重新上传: 'Upload again',
  继续导入: 'Import another file',
  查看会员名册: 'Open the roster',
  下载导入模板: 'Download template',
  返回修改列对应: 'Back to column mapping',
  清除筛选: 'Clear filters',
  // Shell: layout, login, error pages.
  学校工会工作平台: 'The working platform of a school trade union',
  请填写手机号或工号: 'Enter your phone or staff number',
  请填写密码: 'Enter your password',
  '如 13800000000 或 工号': 'e.g. 13800000000 or a staff number',
  '忘记密码请联系本单位工会主席或平台管理员重置。': 'Forgot your password? Ask your union chair or the platform administrator to reset it.',
  用户菜单: 'User menu',
  打开菜单: 'Open menu',
  平台管理员: 'Platform administrator',
  尚未加入组织: 'No organisation yet',
  '您正在使用临时密码，请尽快修改。': 'You are using a temporary password. Please change it.',
  去修改: 'Change it',
  没有权限: 'Not allowed',
  返回首页: 'Back to home',
  页面不存在: 'Page not found',
  '您访问的页面不存在或已被移动，请检查地址是否正确。': 'This page does not exist or has moved. Please check the address.',
  // The bell.
  通知: 'Notifications',
  全部标为已读: 'Mark all read',
  查看全部通知: 'See all notifications',
  暂无通知: 'No notifications',
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
