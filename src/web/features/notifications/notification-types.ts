import type { z } from 'zod';
import type { notificationListSchema, notificationSchema } from '../../../contracts/activities';

/** One notification of the bell, as GET /notifications sends it. */
export type NotificationItem = z.infer<typeof notificationSchema>;
/** The newest notifications (at most 50) and how many are unread in all. */
export type NotificationList = z.infer<typeof notificationListSchema>;

/** The server lists at most this many notifications (newest first). */
export const NOTIFICATION_LIST_LIMIT = 50;
