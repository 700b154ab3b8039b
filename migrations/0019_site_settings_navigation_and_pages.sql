CREATE TABLE `navigation_menus` (
	`menu` text PRIMARY KEY NOT NULL,
	`links` text DEFAULT '[]' NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`updated_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL
);
--> statement-breakpoint
CREATE TABLE `site_settings` (
	`id` integer PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`tagline` text DEFAULT '' NOT NULL,
	`language` text DEFAULT 'en' NOT NULL,
	`time_zone` text DEFAULT 'UTC' NOT NULL,
	`public_url` text DEFAULT '' NOT NULL,
	`posts_per_page` integer DEFAULT 10 NOT NULL,
	`posts_per_feed` integer DEFAULT 20 NOT NULL,
	`logo_media_id` integer,
	`logo_alt` text DEFAULT '' NOT NULL,
	`social_image_media_id` integer,
	`social_image_alt` text DEFAULT '' NOT NULL,
	`footer_text` text DEFAULT '' NOT NULL,
	`mastodon_url` text DEFAULT '' NOT NULL,
	`linkedin_url` text DEFAULT '' NOT NULL,
	`instagram_url` text DEFAULT '' NOT NULL,
	`bluesky_url` text DEFAULT '' NOT NULL,
	`other_profile_url` text DEFAULT '' NOT NULL,
	`audience_enabled` integer DEFAULT true NOT NULL,
	`audience_retention_months` integer DEFAULT 13 NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`updated_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`logo_media_id`) REFERENCES `media`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`social_image_media_id`) REFERENCES `media`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
DROP INDEX `posts_listed_idx`;--> statement-breakpoint
DROP INDEX `posts_author_listed_idx`;--> statement-breakpoint
CREATE INDEX `posts_pages_idx` ON `posts` (`title`) WHERE kind = 'page';--> statement-breakpoint
CREATE INDEX `posts_listed_idx` ON `posts` (`published_at`,`feed_order_id`) WHERE status <> 'draft' AND deleted_at IS NULL AND kind <> 'page';--> statement-breakpoint
CREATE INDEX `posts_author_listed_idx` ON `posts` (`author_id`,`published_at`,`feed_order_id`) WHERE status <> 'draft' AND deleted_at IS NULL AND kind <> 'page';