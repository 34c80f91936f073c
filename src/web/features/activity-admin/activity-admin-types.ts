import type { z } from 'zod';
import type {
  activityDetailSchema,
  activityFileSchema,
  activityListSchema,
  activityStatsSchema,
  activitySummarySchema,
  activityTypeSchema,
  checkinCodeSchema,
  clubDetailSchema,
  clubSummarySchema,
  rosterRowSchema,
} from '../../../contracts/activities';

/** An activity type of the union (学习, 讲座 … or one the union added); archived ones are kept for old activities. */
export type ActivityType = z.infer<typeof activityTypeSchema>;
/** An activity as a list shows it. */
export type ActivitySummary = z.infer<typeof activitySummarySchema>;
/** GET /activities/:id, with the organiser's figures. */
export type ActivityDetail = z.infer<typeof activityDetailSchema>;
/** GET /activities: one page and whether the actor may manage activities. */
export type ActivityList = z.infer<typeof activityListSchema>;
/** A photo or attachment of an activity. */
export type ActivityFile = z.infer<typeof activityFileSchema>;
/** One line of the organiser's roster. */
export type RosterRow = z.infer<typeof rosterRowSchema>;
/** GET /activities/:id/checkin-code: the rotating code for the screen and the count present. */
export type CheckinCode = z.infer<typeof checkinCodeSchema>;
/** GET /activities/stats. */
export type ActivityStats = z.infer<typeof activityStatsSchema>;
/** An interest group in the list. */
export type ClubSummary = z.infer<typeof clubSummarySchema>;
/** GET /clubs/:id: the group with its members, activities and attendance counts. */
export type ClubDetail = z.infer<typeof clubDetailSchema>;
