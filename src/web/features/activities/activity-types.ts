import type { z } from 'zod';
import type { activityFileSchema, activityListSchema, myRegistrationSchema } from '../../../contracts/activities';

export type { ActivityDetail, ActivitySummary, RegistrationView, SignupField, SignupPhase } from '../../../contracts/activities';

/** GET /activities: a page of activities and whether the user may publish them. */
export type ActivityList = z.infer<typeof activityListSchema>;

/** The acting member's own standing in an activity (null on an activity they have no member file for). */
export type MyRegistration = z.infer<typeof myRegistrationSchema>;

/** A photo or an attachment of an activity. */
export type ActivityFile = z.infer<typeof activityFileSchema>;

/** Which list the member looks at: the activities open to them, or their own (signed up or attended). */
export type ActivityScope = 'open' | 'mine';
