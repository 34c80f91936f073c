CREATE TABLE "congress_agenda_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"session_id" uuid NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"title" text NOT NULL,
	"kind" text DEFAULT 'report' NOT NULL,
	"description" text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "congress_attendance" (
	"session_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"representative_id" uuid,
	"status" text NOT NULL,
	"absence_reason" text,
	"source" text NOT NULL,
	"recorded_by" uuid,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "congress_attendance_session_id_member_id_pk" PRIMARY KEY("session_id","member_id")
);
--> statement-breakpoint
CREATE TABLE "congress_constituencies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"term_id" uuid NOT NULL,
	"name" text NOT NULL,
	"position" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "congress_representatives" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"term_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"constituency_id" uuid,
	"kind" text DEFAULT 'representative' NOT NULL,
	"category" text NOT NULL,
	"is_leader" boolean DEFAULT false NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"elected_on" date NOT NULL,
	"ended_on" date,
	"end_reason" text,
	"replaces_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "congress_secret_choices" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"vote_id" uuid NOT NULL,
	"choice" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "congress_sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"term_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"title" text NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"place" text DEFAULT '' NOT NULL,
	"proposals_open_at" timestamp with time zone,
	"proposals_close_at" timestamp with time zone,
	"status" text DEFAULT 'planned' NOT NULL,
	"checkin_secret" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "congress_terms" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"form" text DEFAULT 'congress' NOT NULL,
	"years" integer NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"teacher_min_percent" integer DEFAULT 60 NOT NULL,
	"leader_max_percent" integer DEFAULT 20 NOT NULL,
	"cosigners_min" integer DEFAULT 2 NOT NULL,
	"reply_weeks" integer DEFAULT 8 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "congress_vote_voters" (
	"vote_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"choice" text,
	CONSTRAINT "congress_vote_voters_vote_id_member_id_pk" PRIMARY KEY("vote_id","member_id")
);
--> statement-breakpoint
CREATE TABLE "congress_votes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"session_id" uuid NOT NULL,
	"agenda_item_id" uuid,
	"title" text NOT NULL,
	"mode" text NOT NULL,
	"channel" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"base" integer,
	"present" integer,
	"yes" integer,
	"no" integer,
	"abstain" integer,
	"passed" boolean,
	"result" jsonb,
	"opened_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "proposal_assignments" (
	"proposal_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"handler_user_id" uuid NOT NULL,
	"role" text NOT NULL,
	"round" integer DEFAULT 1 NOT NULL,
	"reply_due_on" date,
	"assigned_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "proposal_assignments_proposal_id_handler_user_id_round_pk" PRIMARY KEY("proposal_id","handler_user_id","round")
);
--> statement-breakpoint
CREATE TABLE "proposal_files" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"proposal_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"reply_id" uuid,
	"name" text NOT NULL,
	"mime" text NOT NULL,
	"size" integer NOT NULL,
	"data" "bytea" NOT NULL,
	"uploaded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "proposal_notes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"proposal_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"author_user_id" uuid,
	"text" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "proposal_ratings" (
	"proposal_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"round" integer NOT NULL,
	"member_id" uuid NOT NULL,
	"rating" text NOT NULL,
	"comment" text DEFAULT '' NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "proposal_ratings_proposal_id_round_member_id_pk" PRIMARY KEY("proposal_id","round","member_id")
);
--> statement-breakpoint
CREATE TABLE "proposal_replies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"proposal_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"round" integer NOT NULL,
	"handler_user_id" uuid,
	"result_code" text NOT NULL,
	"text" text NOT NULL,
	"replied_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "proposal_signers" (
	"proposal_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"role" text DEFAULT 'cosigner' NOT NULL,
	"status" text DEFAULT 'invited' NOT NULL,
	"responded_at" timestamp with time zone,
	CONSTRAINT "proposal_signers_proposal_id_member_id_pk" PRIMARY KEY("proposal_id","member_id")
);
--> statement-breakpoint
CREATE TABLE "proposals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"term_id" uuid NOT NULL,
	"session_id" uuid NOT NULL,
	"kind" text DEFAULT 'proposal' NOT NULL,
	"number" integer,
	"proposer_member_id" uuid NOT NULL,
	"title" text NOT NULL,
	"category" text NOT NULL,
	"reasons" text DEFAULT '' NOT NULL,
	"suggestions" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"merged_into_id" uuid,
	"review_reason" text,
	"reviewed_by" uuid,
	"reviewed_at" timestamp with time zone,
	"responsible_leader" text,
	"reply_due_on" date,
	"round" integer DEFAULT 1 NOT NULL,
	"submitted_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "congress_agenda_items" ADD CONSTRAINT "congress_agenda_items_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "congress_agenda_items" ADD CONSTRAINT "congress_agenda_items_session_id_congress_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."congress_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "congress_attendance" ADD CONSTRAINT "congress_attendance_session_id_congress_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."congress_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "congress_attendance" ADD CONSTRAINT "congress_attendance_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "congress_attendance" ADD CONSTRAINT "congress_attendance_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "congress_attendance" ADD CONSTRAINT "congress_attendance_representative_id_congress_representatives_id_fk" FOREIGN KEY ("representative_id") REFERENCES "public"."congress_representatives"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "congress_attendance" ADD CONSTRAINT "congress_attendance_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "congress_constituencies" ADD CONSTRAINT "congress_constituencies_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "congress_constituencies" ADD CONSTRAINT "congress_constituencies_term_id_congress_terms_id_fk" FOREIGN KEY ("term_id") REFERENCES "public"."congress_terms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "congress_representatives" ADD CONSTRAINT "congress_representatives_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "congress_representatives" ADD CONSTRAINT "congress_representatives_term_id_congress_terms_id_fk" FOREIGN KEY ("term_id") REFERENCES "public"."congress_terms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "congress_representatives" ADD CONSTRAINT "congress_representatives_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "congress_representatives" ADD CONSTRAINT "congress_representatives_constituency_id_congress_constituencies_id_fk" FOREIGN KEY ("constituency_id") REFERENCES "public"."congress_constituencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "congress_secret_choices" ADD CONSTRAINT "congress_secret_choices_vote_id_congress_votes_id_fk" FOREIGN KEY ("vote_id") REFERENCES "public"."congress_votes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "congress_sessions" ADD CONSTRAINT "congress_sessions_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "congress_sessions" ADD CONSTRAINT "congress_sessions_term_id_congress_terms_id_fk" FOREIGN KEY ("term_id") REFERENCES "public"."congress_terms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "congress_terms" ADD CONSTRAINT "congress_terms_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "congress_terms" ADD CONSTRAINT "congress_terms_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "congress_vote_voters" ADD CONSTRAINT "congress_vote_voters_vote_id_congress_votes_id_fk" FOREIGN KEY ("vote_id") REFERENCES "public"."congress_votes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "congress_vote_voters" ADD CONSTRAINT "congress_vote_voters_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "congress_votes" ADD CONSTRAINT "congress_votes_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "congress_votes" ADD CONSTRAINT "congress_votes_session_id_congress_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."congress_sessions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "congress_votes" ADD CONSTRAINT "congress_votes_agenda_item_id_congress_agenda_items_id_fk" FOREIGN KEY ("agenda_item_id") REFERENCES "public"."congress_agenda_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_assignments" ADD CONSTRAINT "proposal_assignments_proposal_id_proposals_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."proposals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_assignments" ADD CONSTRAINT "proposal_assignments_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_assignments" ADD CONSTRAINT "proposal_assignments_handler_user_id_users_id_fk" FOREIGN KEY ("handler_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_files" ADD CONSTRAINT "proposal_files_proposal_id_proposals_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."proposals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_files" ADD CONSTRAINT "proposal_files_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_files" ADD CONSTRAINT "proposal_files_reply_id_proposal_replies_id_fk" FOREIGN KEY ("reply_id") REFERENCES "public"."proposal_replies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_files" ADD CONSTRAINT "proposal_files_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_notes" ADD CONSTRAINT "proposal_notes_proposal_id_proposals_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."proposals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_notes" ADD CONSTRAINT "proposal_notes_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_notes" ADD CONSTRAINT "proposal_notes_author_user_id_users_id_fk" FOREIGN KEY ("author_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_ratings" ADD CONSTRAINT "proposal_ratings_proposal_id_proposals_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."proposals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_ratings" ADD CONSTRAINT "proposal_ratings_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_ratings" ADD CONSTRAINT "proposal_ratings_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_replies" ADD CONSTRAINT "proposal_replies_proposal_id_proposals_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."proposals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_replies" ADD CONSTRAINT "proposal_replies_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_replies" ADD CONSTRAINT "proposal_replies_handler_user_id_users_id_fk" FOREIGN KEY ("handler_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_signers" ADD CONSTRAINT "proposal_signers_proposal_id_proposals_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."proposals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_signers" ADD CONSTRAINT "proposal_signers_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_signers" ADD CONSTRAINT "proposal_signers_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposals" ADD CONSTRAINT "proposals_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposals" ADD CONSTRAINT "proposals_term_id_congress_terms_id_fk" FOREIGN KEY ("term_id") REFERENCES "public"."congress_terms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposals" ADD CONSTRAINT "proposals_session_id_congress_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."congress_sessions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposals" ADD CONSTRAINT "proposals_proposer_member_id_members_id_fk" FOREIGN KEY ("proposer_member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposals" ADD CONSTRAINT "proposals_reviewed_by_users_id_fk" FOREIGN KEY ("reviewed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "congress_agenda_session_idx" ON "congress_agenda_items" USING btree ("session_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "congress_constituencies_term_name_uq" ON "congress_constituencies" USING btree ("term_id","name");--> statement-breakpoint
CREATE UNIQUE INDEX "congress_representatives_active_uq" ON "congress_representatives" USING btree ("term_id","member_id") WHERE "congress_representatives"."status" = 'active';--> statement-breakpoint
CREATE INDEX "congress_representatives_member_idx" ON "congress_representatives" USING btree ("member_id");--> statement-breakpoint
CREATE INDEX "congress_secret_choices_vote_idx" ON "congress_secret_choices" USING btree ("vote_id");--> statement-breakpoint
CREATE UNIQUE INDEX "congress_sessions_term_number_uq" ON "congress_sessions" USING btree ("term_id","number");--> statement-breakpoint
CREATE UNIQUE INDEX "congress_terms_org_number_uq" ON "congress_terms" USING btree ("org_id","number");--> statement-breakpoint
CREATE INDEX "congress_votes_session_idx" ON "congress_votes" USING btree ("session_id");--> statement-breakpoint
CREATE INDEX "proposal_assignments_handler_idx" ON "proposal_assignments" USING btree ("handler_user_id");--> statement-breakpoint
CREATE INDEX "proposal_files_proposal_idx" ON "proposal_files" USING btree ("proposal_id");--> statement-breakpoint
CREATE INDEX "proposal_notes_proposal_idx" ON "proposal_notes" USING btree ("proposal_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "proposal_replies_round_uq" ON "proposal_replies" USING btree ("proposal_id","round");--> statement-breakpoint
CREATE INDEX "proposal_signers_member_idx" ON "proposal_signers" USING btree ("member_id");--> statement-breakpoint
CREATE INDEX "proposals_org_session_idx" ON "proposals" USING btree ("org_id","session_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "proposals_session_number_uq" ON "proposals" USING btree ("session_id","number");--> statement-breakpoint
CREATE INDEX "proposals_proposer_idx" ON "proposals" USING btree ("proposer_member_id");