-- `post_reviews` takes no content-version triggers: no reader page reads it (a post under
-- review is a draft, and readers never see drafts).
CREATE TABLE `post_reviews` (
	`post_id` integer PRIMARY KEY NOT NULL,
	`state` text NOT NULL,
	`submitted_by` integer,
	`submitted_at` integer NOT NULL,
	`submit_note` text DEFAULT '' NOT NULL,
	`returned_by` integer,
	`returned_at` integer,
	`return_note` text DEFAULT '' NOT NULL,
	FOREIGN KEY (`post_id`) REFERENCES `posts`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`submitted_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`returned_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `post_reviews_state_idx` ON `post_reviews` (`state`,`submitted_at`);--> statement-breakpoint
-- drizzle-kit leaves ON DELETE out of an added column; without it, removing an account that
-- wrote posts would fail.
ALTER TABLE `posts` ADD `created_by` integer REFERENCES users(id) ON DELETE set null;