CREATE TABLE "assistance_records" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"hardship_file_id" uuid,
	"kind" text NOT NULL,
	"campaign" text,
	"amount_fen" integer NOT NULL,
	"given_on" date NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"payee" text DEFAULT '' NOT NULL,
	"fund_category" text DEFAULT '困难职工帮扶' NOT NULL,
	"recorded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "care_birthday_benefits" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"item" text NOT NULL,
	"amount_fen" integer NOT NULL,
	"form" text NOT NULL,
	"given_on" date NOT NULL,
	"fund_category" text DEFAULT '职工集体福利' NOT NULL,
	"override_reason" text,
	"override_by" uuid,
	"override_violations" jsonb,
	"recorded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "care_campaign_recipients" (
	"campaign_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"group_id" uuid,
	"value_fen" integer NOT NULL,
	"excluded_reason" text,
	"received_at" timestamp with time zone,
	"source" text,
	"confirmed_by" uuid,
	CONSTRAINT "care_campaign_recipients_campaign_id_member_id_pk" PRIMARY KEY("campaign_id","member_id")
);
--> statement-breakpoint
CREATE TABLE "care_campaigns" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"festival" text NOT NULL,
	"year" integer NOT NULL,
	"title" text NOT NULL,
	"per_person_fen" integer NOT NULL,
	"form" text NOT NULL,
	"goods" text DEFAULT '' NOT NULL,
	"audience" jsonb NOT NULL,
	"fund_category" text DEFAULT '职工集体福利' NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"started_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "care_event_types" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"archived_at" timestamp with time zone,
	"deadline_days" integer,
	"standard_fen" integer,
	"cap_per_event_fen" integer,
	"cap_per_year_fen" integer,
	"count_per_year" integer,
	"forms" text[] DEFAULT '{goods,cash}'::text[] NOT NULL,
	"claim_months" integer,
	"requires_dues" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "care_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"type_id" uuid NOT NULL,
	"occurred_on" date NOT NULL,
	"due_on" date,
	"details" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"closed_reason" text,
	"reported_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "care_files" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"owner_type" text NOT NULL,
	"owner_id" uuid NOT NULL,
	"name" text NOT NULL,
	"mime" text NOT NULL,
	"size" integer NOT NULL,
	"data" "bytea" NOT NULL,
	"uploaded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "care_poverty_lines" (
	"org_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"monthly_fen" integer NOT NULL,
	CONSTRAINT "care_poverty_lines_org_id_year_pk" PRIMARY KEY("org_id","year")
);
--> statement-breakpoint
CREATE TABLE "care_settings" (
	"org_id" uuid PRIMARY KEY NOT NULL,
	"festival_cap_per_year_fen" integer,
	"festival_forms" text[] DEFAULT '{goods}'::text[] NOT NULL,
	"birthday_cap_fen" integer,
	"birthday_forms" text[] DEFAULT '{goods,voucher}'::text[] NOT NULL,
	"ethnic_festivals" text[] DEFAULT '{}'::text[] NOT NULL,
	"preset" text,
	"updated_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "care_visits" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"event_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"type_id" uuid NOT NULL,
	"visited_on" date NOT NULL,
	"method" text NOT NULL,
	"visitors" jsonb NOT NULL,
	"goods" text DEFAULT '' NOT NULL,
	"amount_fen" integer DEFAULT 0 NOT NULL,
	"form" text,
	"notes" text DEFAULT '' NOT NULL,
	"dues_confirmed" boolean DEFAULT false NOT NULL,
	"fund_category" text DEFAULT '送温暖' NOT NULL,
	"payee" text DEFAULT '' NOT NULL,
	"override_reason" text,
	"override_by" uuid,
	"override_violations" jsonb,
	"recorded_by" uuid,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "care_visits_amount_ck" CHECK ("care_visits"."amount_fen" >= 0)
);
--> statement-breakpoint
CREATE TABLE "hardship_files" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"household_size" integer NOT NULL,
	"annual_income_fen" integer NOT NULL,
	"unavoidable_costs_fen" integer NOT NULL,
	"is_accident" boolean DEFAULT false NOT NULL,
	"household" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"reasons" text DEFAULT '' NOT NULL,
	"poverty_line_fen" integer,
	"per_capita_monthly_fen" integer NOT NULL,
	"level" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"approved_by" uuid,
	"approved_at" timestamp with time zone,
	"review_due_on" date,
	"closed_reason" text,
	"closed_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "women_health_checks" (
	"org_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"checked_on" date,
	"note" text DEFAULT '' NOT NULL,
	"recorded_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "women_health_checks_org_id_member_id_year_pk" PRIMARY KEY("org_id","member_id","year")
);
--> statement-breakpoint
ALTER TABLE "assistance_records" ADD CONSTRAINT "assistance_records_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assistance_records" ADD CONSTRAINT "assistance_records_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assistance_records" ADD CONSTRAINT "assistance_records_hardship_file_id_hardship_files_id_fk" FOREIGN KEY ("hardship_file_id") REFERENCES "public"."hardship_files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assistance_records" ADD CONSTRAINT "assistance_records_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "care_birthday_benefits" ADD CONSTRAINT "care_birthday_benefits_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "care_birthday_benefits" ADD CONSTRAINT "care_birthday_benefits_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "care_birthday_benefits" ADD CONSTRAINT "care_birthday_benefits_override_by_users_id_fk" FOREIGN KEY ("override_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "care_birthday_benefits" ADD CONSTRAINT "care_birthday_benefits_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "care_campaign_recipients" ADD CONSTRAINT "care_campaign_recipients_campaign_id_care_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."care_campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "care_campaign_recipients" ADD CONSTRAINT "care_campaign_recipients_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "care_campaign_recipients" ADD CONSTRAINT "care_campaign_recipients_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "care_campaign_recipients" ADD CONSTRAINT "care_campaign_recipients_group_id_orgs_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "care_campaign_recipients" ADD CONSTRAINT "care_campaign_recipients_confirmed_by_users_id_fk" FOREIGN KEY ("confirmed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "care_campaigns" ADD CONSTRAINT "care_campaigns_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "care_campaigns" ADD CONSTRAINT "care_campaigns_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "care_event_types" ADD CONSTRAINT "care_event_types_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "care_events" ADD CONSTRAINT "care_events_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "care_events" ADD CONSTRAINT "care_events_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "care_events" ADD CONSTRAINT "care_events_type_id_care_event_types_id_fk" FOREIGN KEY ("type_id") REFERENCES "public"."care_event_types"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "care_events" ADD CONSTRAINT "care_events_reported_by_users_id_fk" FOREIGN KEY ("reported_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "care_files" ADD CONSTRAINT "care_files_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "care_files" ADD CONSTRAINT "care_files_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "care_poverty_lines" ADD CONSTRAINT "care_poverty_lines_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "care_settings" ADD CONSTRAINT "care_settings_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "care_visits" ADD CONSTRAINT "care_visits_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "care_visits" ADD CONSTRAINT "care_visits_event_id_care_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."care_events"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "care_visits" ADD CONSTRAINT "care_visits_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "care_visits" ADD CONSTRAINT "care_visits_type_id_care_event_types_id_fk" FOREIGN KEY ("type_id") REFERENCES "public"."care_event_types"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "care_visits" ADD CONSTRAINT "care_visits_override_by_users_id_fk" FOREIGN KEY ("override_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "care_visits" ADD CONSTRAINT "care_visits_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hardship_files" ADD CONSTRAINT "hardship_files_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hardship_files" ADD CONSTRAINT "hardship_files_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hardship_files" ADD CONSTRAINT "hardship_files_approved_by_users_id_fk" FOREIGN KEY ("approved_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hardship_files" ADD CONSTRAINT "hardship_files_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "women_health_checks" ADD CONSTRAINT "women_health_checks_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "women_health_checks" ADD CONSTRAINT "women_health_checks_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "women_health_checks" ADD CONSTRAINT "women_health_checks_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "assistance_records_org_date_idx" ON "assistance_records" USING btree ("org_id","given_on");--> statement-breakpoint
CREATE INDEX "assistance_records_member_idx" ON "assistance_records" USING btree ("member_id");--> statement-breakpoint
CREATE UNIQUE INDEX "care_birthday_benefits_uq" ON "care_birthday_benefits" USING btree ("org_id","member_id","year");--> statement-breakpoint
CREATE INDEX "care_campaign_recipients_member_idx" ON "care_campaign_recipients" USING btree ("member_id");--> statement-breakpoint
CREATE INDEX "care_campaigns_org_year_idx" ON "care_campaigns" USING btree ("org_id","year");--> statement-breakpoint
CREATE UNIQUE INDEX "care_event_types_org_name_uq" ON "care_event_types" USING btree ("org_id","name");--> statement-breakpoint
CREATE INDEX "care_events_org_status_idx" ON "care_events" USING btree ("org_id","status","due_on");--> statement-breakpoint
CREATE INDEX "care_events_member_idx" ON "care_events" USING btree ("member_id","occurred_on");--> statement-breakpoint
CREATE INDEX "care_files_owner_idx" ON "care_files" USING btree ("owner_type","owner_id","created_at");--> statement-breakpoint
CREATE INDEX "care_visits_event_idx" ON "care_visits" USING btree ("event_id");--> statement-breakpoint
CREATE INDEX "care_visits_org_date_idx" ON "care_visits" USING btree ("org_id","visited_on");--> statement-breakpoint
CREATE INDEX "care_visits_member_idx" ON "care_visits" USING btree ("member_id","visited_on");--> statement-breakpoint
CREATE UNIQUE INDEX "hardship_files_member_year_uq" ON "hardship_files" USING btree ("org_id","member_id","year");--> statement-breakpoint
CREATE INDEX "hardship_files_org_status_idx" ON "hardship_files" USING btree ("org_id","status");