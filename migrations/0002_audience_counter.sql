CREATE TABLE `audience_daily_counts` (
	`day` text NOT NULL,
	`metric` text NOT NULL,
	`key` text NOT NULL,
	`count` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`day`, `metric`, `key`)
);
--> statement-breakpoint
CREATE TABLE `audience_daily_visitors` (
	`day` text NOT NULL,
	`visitor_hash` text NOT NULL,
	PRIMARY KEY(`day`, `visitor_hash`)
);
--> statement-breakpoint
CREATE TABLE `audience_salts` (
	`day` text PRIMARY KEY NOT NULL,
	`salt` text NOT NULL
);
