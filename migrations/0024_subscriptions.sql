CREATE TABLE `mail_deliveries` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`post_id` integer NOT NULL,
	`subscriber_id` integer,
	`status` text DEFAULT 'queued' NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`claimed_at` integer,
	`sent_at` integer,
	FOREIGN KEY (`post_id`) REFERENCES `posts`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`subscriber_id`) REFERENCES `subscribers`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `mail_deliveries_post_subscriber_idx` ON `mail_deliveries` (`post_id`,`subscriber_id`);--> statement-breakpoint
CREATE INDEX `mail_deliveries_post_status_idx` ON `mail_deliveries` (`post_id`,`status`,`id`);--> statement-breakpoint
CREATE INDEX `mail_deliveries_sent_idx` ON `mail_deliveries` (`sent_at`) WHERE sent_at IS NOT NULL;--> statement-breakpoint
CREATE TABLE `mailing_settings` (
	`id` integer PRIMARY KEY NOT NULL,
	`email_posts` integer DEFAULT true NOT NULL,
	`email_notes` integer DEFAULT false NOT NULL,
	`full_post` integer DEFAULT true NOT NULL,
	`daily_cap` integer DEFAULT 3000 NOT NULL
);
--> statement-breakpoint
CREATE TABLE `post_mailings` (
	`post_id` integer PRIMARY KEY NOT NULL,
	`wanted` integer NOT NULL,
	`site_url` text DEFAULT '' NOT NULL,
	`local` integer DEFAULT false NOT NULL,
	`requested_at` integer NOT NULL,
	`fanned_out_at` integer,
	FOREIGN KEY (`post_id`) REFERENCES `posts`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `subscribe_attempts` (
	`client_hash` text NOT NULL,
	`day` text NOT NULL,
	`count` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`client_hash`, `day`)
);
--> statement-breakpoint
CREATE TABLE `subscriber_erasures` (
	`day` text PRIMARY KEY NOT NULL,
	`count` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE `subscribers` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`email` text NOT NULL,
	`language` text DEFAULT 'en' NOT NULL,
	`state` text DEFAULT 'pending' NOT NULL,
	`token` text NOT NULL,
	`created_at` integer NOT NULL,
	`confirm_sent_at` integer,
	`confirmed_at` integer,
	`consent_source` text,
	`consent_version` text,
	`consent_text` text,
	`unsubscribed_at` integer
);
--> statement-breakpoint
CREATE UNIQUE INDEX `subscribers_email_unique` ON `subscribers` (`email`);--> statement-breakpoint
CREATE UNIQUE INDEX `subscribers_token_unique` ON `subscribers` (`token`);--> statement-breakpoint
CREATE INDEX `subscribers_state_idx` ON `subscribers` (`state`,`id`);--> statement-breakpoint
CREATE INDEX `subscribers_pending_idx` ON `subscribers` (`confirm_sent_at`) WHERE state = 'pending';