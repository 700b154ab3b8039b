CREATE TABLE `content_versions` (
	`id` integer PRIMARY KEY NOT NULL,
	`version` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE INDEX `audience_daily_counts_metric_day_idx` ON `audience_daily_counts` (`metric`,`day`,`key`,`count`);--> statement-breakpoint
CREATE INDEX `audience_daily_counts_metric_key_idx` ON `audience_daily_counts` (`metric`,`key`,`day`,`count`);