CREATE TABLE `audience_shard_flushes` (
	`shard` text PRIMARY KEY NOT NULL,
	`seq` integer NOT NULL,
	`flushed_at` integer NOT NULL
);
