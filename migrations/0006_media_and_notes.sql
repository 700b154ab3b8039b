CREATE TABLE `media` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`key` text NOT NULL,
	`hash` text NOT NULL,
	`content_type` text NOT NULL,
	`bytes` integer NOT NULL,
	`width` integer NOT NULL,
	`height` integer NOT NULL,
	`alt` text DEFAULT '' NOT NULL,
	`created_by` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `media_key_unique` ON `media` (`key`);--> statement-breakpoint
CREATE UNIQUE INDEX `media_hash_unique` ON `media` (`hash`);--> statement-breakpoint
CREATE TABLE `posts_media` (
	`post_id` integer NOT NULL,
	`media_id` integer NOT NULL,
	`role` text NOT NULL,
	PRIMARY KEY(`post_id`, `media_id`, `role`),
	FOREIGN KEY (`post_id`) REFERENCES `posts`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`media_id`) REFERENCES `media`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `posts_media_media_idx` ON `posts_media` (`media_id`);--> statement-breakpoint
ALTER TABLE `posts` ADD `kind` text DEFAULT 'post' NOT NULL;--> statement-breakpoint
ALTER TABLE `posts` ADD `source_url` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `posts` ADD `source_site_name` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `posts` ADD `source_published_at` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `posts` ADD `featured_media_id` integer REFERENCES media(id);--> statement-breakpoint
ALTER TABLE `posts` ADD `featured_image_alt` text DEFAULT '' NOT NULL;--> statement-breakpoint
CREATE INDEX `posts_kind_listed_idx` ON `posts` (`kind`,`published_at`,`feed_order_id`) WHERE status <> 'draft' AND deleted_at IS NULL;