CREATE TABLE `comment_settings` (
	`id` integer PRIMARY KEY NOT NULL,
	`moderation` text DEFAULT 'first' NOT NULL,
	`close_after_days` integer DEFAULT 0 NOT NULL,
	`on_pages` integer DEFAULT false NOT NULL,
	`block_list` text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE TABLE `comments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`post_id` integer NOT NULL,
	`parent_id` integer,
	`status` text DEFAULT 'pending' NOT NULL,
	`author_name` text NOT NULL,
	`author_url` text DEFAULT '' NOT NULL,
	`email_hash` text DEFAULT '' NOT NULL,
	`email` text DEFAULT '' NOT NULL,
	`notify_replies` integer DEFAULT false NOT NULL,
	`markdown` text NOT NULL,
	`html` text NOT NULL,
	`client_hash` text DEFAULT '' NOT NULL,
	`author_id` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`post_id`) REFERENCES `posts`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`parent_id`) REFERENCES `comments`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`author_id`) REFERENCES `authors`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `comments_post_idx` ON `comments` (`post_id`,`status`,`created_at`);--> statement-breakpoint
CREATE INDEX `comments_status_idx` ON `comments` (`status`,`created_at`);--> statement-breakpoint
CREATE INDEX `comments_client_idx` ON `comments` (`client_hash`,`created_at`);--> statement-breakpoint
ALTER TABLE `posts` ADD `comments_open` integer DEFAULT true NOT NULL;--> statement-breakpoint
-- Readers see approved comments only: a held or spam comment changes no page, so a flood of them
-- never empties the page cache. Approving, editing or deleting an approved one bumps the version.
CREATE TRIGGER `comments_content_version_after_insert` AFTER INSERT ON `comments`
	WHEN NEW.`status` = 'approved' BEGIN
	INSERT INTO `content_versions` (`id`, `version`) VALUES (1, 1)
		ON CONFLICT (`id`) DO UPDATE SET `version` = `version` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `comments_content_version_after_update` AFTER UPDATE ON `comments`
	WHEN OLD.`status` = 'approved' OR NEW.`status` = 'approved' BEGIN
	INSERT INTO `content_versions` (`id`, `version`) VALUES (1, 1)
		ON CONFLICT (`id`) DO UPDATE SET `version` = `version` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `comments_content_version_after_delete` AFTER DELETE ON `comments`
	WHEN OLD.`status` = 'approved' BEGIN
	INSERT INTO `content_versions` (`id`, `version`) VALUES (1, 1)
		ON CONFLICT (`id`) DO UPDATE SET `version` = `version` + 1;
END;
--> statement-breakpoint
-- Whether forms show (moderation mode aside, which readers see in the answer only).
CREATE TRIGGER `comment_settings_content_version_after_insert` AFTER INSERT ON `comment_settings` BEGIN
	INSERT INTO `content_versions` (`id`, `version`) VALUES (1, 1)
		ON CONFLICT (`id`) DO UPDATE SET `version` = `version` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `comment_settings_content_version_after_update` AFTER UPDATE ON `comment_settings` BEGIN
	INSERT INTO `content_versions` (`id`, `version`) VALUES (1, 1)
		ON CONFLICT (`id`) DO UPDATE SET `version` = `version` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `comment_settings_content_version_after_delete` AFTER DELETE ON `comment_settings` BEGIN
	INSERT INTO `content_versions` (`id`, `version`) VALUES (1, 1)
		ON CONFLICT (`id`) DO UPDATE SET `version` = `version` + 1;
END;
