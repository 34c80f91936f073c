DROP INDEX "members_user_idx";--> statement-breakpoint
DROP INDEX "members_staff_no_idx";--> statement-breakpoint
CREATE INDEX "members_user_idx" ON "members" USING btree ("user_id") WHERE "members"."user_id" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "members_staff_no_idx" ON "members" USING btree ("staff_no") WHERE "members"."user_id" IS NOT NULL;