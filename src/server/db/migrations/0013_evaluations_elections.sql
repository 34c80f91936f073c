CREATE TABLE "evaluation_ballots" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"evaluation_id" uuid NOT NULL,
	"voter_group" text,
	"ratings" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "evaluation_comments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"evaluation_id" uuid NOT NULL,
	"target_key" text NOT NULL,
	"body" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "evaluation_voters" (
	"evaluation_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"voter_group" text,
	"has_voted" boolean DEFAULT false NOT NULL,
	CONSTRAINT "evaluation_voters_evaluation_id_member_id_pk" PRIMARY KEY("evaluation_id","member_id")
);
--> statement-breakpoint
CREATE TABLE "evaluations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"targets" jsonb NOT NULL,
	"dimensions" jsonb NOT NULL,
	"grades" jsonb NOT NULL,
	"overall_grades" jsonb NOT NULL,
	"allow_comments" boolean DEFAULT true NOT NULL,
	"voters" jsonb NOT NULL,
	"min_group_size" integer DEFAULT 5 NOT NULL,
	"opens_at" timestamp with time zone NOT NULL,
	"closes_at" timestamp with time zone NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"eligible" integer,
	"results" jsonb,
	"published_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "election_ballots" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"round_id" uuid NOT NULL,
	"receipt" text,
	"paper_no" integer,
	"marks" jsonb NOT NULL,
	"write_ins" jsonb NOT NULL,
	"spoilt" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "election_candidates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"election_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"note" text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "election_officials" (
	"election_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"role" text NOT NULL,
	CONSTRAINT "election_officials_election_id_member_id_role_pk" PRIMARY KEY("election_id","member_id","role")
);
--> statement-breakpoint
CREATE TABLE "election_paper_entries" (
	"round_id" uuid NOT NULL,
	"paper_no" integer NOT NULL,
	"entry" integer NOT NULL,
	"entered_by" uuid NOT NULL,
	"marks" jsonb NOT NULL,
	"write_ins" jsonb NOT NULL,
	"spoilt" boolean DEFAULT false NOT NULL,
	"entered_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "election_paper_entries_round_id_paper_no_entry_pk" PRIMARY KEY("round_id","paper_no","entry")
);
--> statement-breakpoint
CREATE TABLE "election_roll" (
	"election_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"present" boolean DEFAULT false NOT NULL,
	CONSTRAINT "election_roll_election_id_member_id_pk" PRIMARY KEY("election_id","member_id")
);
--> statement-breakpoint
CREATE TABLE "election_round_voters" (
	"round_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	CONSTRAINT "election_round_voters_round_id_member_id_pk" PRIMARY KEY("round_id","member_id")
);
--> statement-breakpoint
CREATE TABLE "election_rounds" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"election_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"seats" integer NOT NULL,
	"candidate_ids" jsonb NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"due" integer NOT NULL,
	"present" integer NOT NULL,
	"paper_issued" integer,
	"paper_returned" integer,
	"outcome" jsonb,
	"opened_at" timestamp with time zone DEFAULT now() NOT NULL,
	"counted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "elections" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"title" text NOT NULL,
	"position" text NOT NULL,
	"seats" integer NOT NULL,
	"meeting_kind" text NOT NULL,
	"session_id" uuid,
	"online" boolean DEFAULT true NOT NULL,
	"paper" boolean DEFAULT true NOT NULL,
	"differential_percent" integer DEFAULT 5 NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"started_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "evaluation_ballots" ADD CONSTRAINT "evaluation_ballots_evaluation_id_evaluations_id_fk" FOREIGN KEY ("evaluation_id") REFERENCES "public"."evaluations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_comments" ADD CONSTRAINT "evaluation_comments_evaluation_id_evaluations_id_fk" FOREIGN KEY ("evaluation_id") REFERENCES "public"."evaluations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_voters" ADD CONSTRAINT "evaluation_voters_evaluation_id_evaluations_id_fk" FOREIGN KEY ("evaluation_id") REFERENCES "public"."evaluations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_voters" ADD CONSTRAINT "evaluation_voters_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluations" ADD CONSTRAINT "evaluations_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluations" ADD CONSTRAINT "evaluations_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "election_ballots" ADD CONSTRAINT "election_ballots_round_id_election_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."election_rounds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "election_candidates" ADD CONSTRAINT "election_candidates_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "election_candidates" ADD CONSTRAINT "election_candidates_election_id_elections_id_fk" FOREIGN KEY ("election_id") REFERENCES "public"."elections"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "election_candidates" ADD CONSTRAINT "election_candidates_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "election_officials" ADD CONSTRAINT "election_officials_election_id_elections_id_fk" FOREIGN KEY ("election_id") REFERENCES "public"."elections"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "election_officials" ADD CONSTRAINT "election_officials_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "election_paper_entries" ADD CONSTRAINT "election_paper_entries_round_id_election_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."election_rounds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "election_paper_entries" ADD CONSTRAINT "election_paper_entries_entered_by_users_id_fk" FOREIGN KEY ("entered_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "election_roll" ADD CONSTRAINT "election_roll_election_id_elections_id_fk" FOREIGN KEY ("election_id") REFERENCES "public"."elections"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "election_roll" ADD CONSTRAINT "election_roll_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "election_round_voters" ADD CONSTRAINT "election_round_voters_round_id_election_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."election_rounds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "election_round_voters" ADD CONSTRAINT "election_round_voters_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "election_rounds" ADD CONSTRAINT "election_rounds_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "election_rounds" ADD CONSTRAINT "election_rounds_election_id_elections_id_fk" FOREIGN KEY ("election_id") REFERENCES "public"."elections"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "elections" ADD CONSTRAINT "elections_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "elections" ADD CONSTRAINT "elections_session_id_congress_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."congress_sessions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "elections" ADD CONSTRAINT "elections_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "evaluation_ballots_evaluation_idx" ON "evaluation_ballots" USING btree ("evaluation_id");--> statement-breakpoint
CREATE INDEX "evaluation_comments_evaluation_idx" ON "evaluation_comments" USING btree ("evaluation_id");--> statement-breakpoint
CREATE INDEX "evaluations_org_idx" ON "evaluations" USING btree ("org_id","created_at");--> statement-breakpoint
CREATE INDEX "election_ballots_round_idx" ON "election_ballots" USING btree ("round_id");--> statement-breakpoint
CREATE UNIQUE INDEX "election_ballots_receipt_uq" ON "election_ballots" USING btree ("receipt");--> statement-breakpoint
CREATE UNIQUE INDEX "election_ballots_paper_uq" ON "election_ballots" USING btree ("round_id","paper_no");--> statement-breakpoint
CREATE UNIQUE INDEX "election_candidates_member_uq" ON "election_candidates" USING btree ("election_id","member_id");--> statement-breakpoint
CREATE UNIQUE INDEX "election_paper_entries_person_uq" ON "election_paper_entries" USING btree ("round_id","paper_no","entered_by");--> statement-breakpoint
CREATE UNIQUE INDEX "election_rounds_number_uq" ON "election_rounds" USING btree ("election_id","number");--> statement-breakpoint
CREATE INDEX "elections_org_idx" ON "elections" USING btree ("org_id","created_at");