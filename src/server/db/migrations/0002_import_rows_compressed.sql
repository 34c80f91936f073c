-- Rows of an upload are now gzip-compressed JSON in base64 text; uploads in progress at the upgrade start over.
ALTER TABLE "member_imports" ALTER COLUMN "rows" SET DATA TYPE text USING NULL;--> statement-breakpoint
ALTER TABLE "member_imports" ADD COLUMN "row_count" integer;
