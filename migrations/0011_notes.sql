ALTER TABLE `posts` ADD `kind` text DEFAULT 'post' NOT NULL;--> statement-breakpoint
ALTER TABLE `posts` ADD `source_url` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `posts` ADD `source_site_name` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `posts` ADD `source_published_at` text DEFAULT '' NOT NULL;--> statement-breakpoint
CREATE INDEX `posts_kind_listed_idx` ON `posts` (`kind`,`published_at`,`feed_order_id`) WHERE status <> 'draft' AND deleted_at IS NULL;