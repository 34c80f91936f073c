import type { z } from 'zod';
import type { CalendarItemView, calendarListSchema, DATE_KINDS, feedStatusSchema, festivalListSchema, ITEM_STATUSES, ownerSchema } from '../../../contracts/plans';

/** 计划 / 已完成 / 取消 / 延期. */
export type ItemStatus = (typeof ITEM_STATUSES)[number];
/** 按月 / 某一天 / 日期范围. */
export type DateKind = (typeof DATE_KINDS)[number];

/** One schedule item as the API answers it; `overdue` is decided by the server (past and not done). */
export type CalendarItem = CalendarItemView;

/** GET /calendar/items: the items overlapping the asked range and whether the user may change them. */
export type CalendarItemsAnswer = z.infer<typeof calendarListSchema>;

/** GET /calendar/owners: a person with a role in the organisation, for the 负责人 picker. */
export type Owner = z.infer<typeof ownerSchema>;

/** GET /calendar/festivals: one festival of the year on its (solar) date; `name` is the short name (三八, 五一). */
export type Festival = z.infer<typeof festivalListSchema>[number];

/** GET /calendar/feed: whether a subscription address exists (the address itself is shown only once). */
export type FeedStatus = z.infer<typeof feedStatusSchema>;
