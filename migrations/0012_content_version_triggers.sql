-- Cached reader pages are keyed by `content_versions.version` (src/db/content-version.ts). These
-- triggers raise it on every write to a table whose rows a reader page, fragment, feed or sitemap
-- shows, so no write can forget to: the bump commits with the write, in the same transaction.
-- SQLite triggers run once per row, so a batch writing many rows bumps many times; only the
-- change matters to the cache.
--
-- Triggers on what readers see:
--   posts             every page. A draft's or a trashed post's own writes bump too (a draft's
--                     autosave among them), as the hand-written bumps did: telling them apart
--                     would take the same care on every table linked to posts.
--   posts_categories  category feeds, the categories a post lists, the categories index
--   categories        their names and descriptions, the categories index, the sitemap
--   authors           names, slugs and bios on posts, feeds and author pages
--   media             key, width and height of the images in posts and list thumbnails (its
--                     `alt` is the library's: readers get the post's own alt text)
--   posts_media       which images a post page sizes (and shows as featured)
-- No triggers, since no reader page reads them:
--   users, sessions, login_failures   editor accounts (which editor writes as an author is not shown)
--   post_revisions    revisions and autosaves, admin only
--   audience_daily_counts, audience_daily_visitors, audience_salts   the counter (a trigger here
--                     would empty the cache on every view)
--   redirects         answered by middleware/redirects.ts around the page cache: it looks the table
--                     up for every 404, cached or not, so a new redirect needs no fresh page
--   imported_items, import_jobs   import bookkeeping and progress, admin only
--   content_versions  the counter itself
--   posts_search      kept by the triggers on `posts` (0005); a virtual table takes no trigger
CREATE TRIGGER `posts_content_version_after_insert` AFTER INSERT ON `posts` BEGIN
	INSERT INTO `content_versions` (`id`, `version`) VALUES (1, 1)
		ON CONFLICT (`id`) DO UPDATE SET `version` = `version` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `posts_content_version_after_update` AFTER UPDATE ON `posts` BEGIN
	INSERT INTO `content_versions` (`id`, `version`) VALUES (1, 1)
		ON CONFLICT (`id`) DO UPDATE SET `version` = `version` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `posts_content_version_after_delete` AFTER DELETE ON `posts` BEGIN
	INSERT INTO `content_versions` (`id`, `version`) VALUES (1, 1)
		ON CONFLICT (`id`) DO UPDATE SET `version` = `version` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `posts_categories_content_version_after_insert` AFTER INSERT ON `posts_categories` BEGIN
	INSERT INTO `content_versions` (`id`, `version`) VALUES (1, 1)
		ON CONFLICT (`id`) DO UPDATE SET `version` = `version` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `posts_categories_content_version_after_update` AFTER UPDATE ON `posts_categories` BEGIN
	INSERT INTO `content_versions` (`id`, `version`) VALUES (1, 1)
		ON CONFLICT (`id`) DO UPDATE SET `version` = `version` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `posts_categories_content_version_after_delete` AFTER DELETE ON `posts_categories` BEGIN
	INSERT INTO `content_versions` (`id`, `version`) VALUES (1, 1)
		ON CONFLICT (`id`) DO UPDATE SET `version` = `version` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `categories_content_version_after_insert` AFTER INSERT ON `categories` BEGIN
	INSERT INTO `content_versions` (`id`, `version`) VALUES (1, 1)
		ON CONFLICT (`id`) DO UPDATE SET `version` = `version` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `categories_content_version_after_update` AFTER UPDATE ON `categories` BEGIN
	INSERT INTO `content_versions` (`id`, `version`) VALUES (1, 1)
		ON CONFLICT (`id`) DO UPDATE SET `version` = `version` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `categories_content_version_after_delete` AFTER DELETE ON `categories` BEGIN
	INSERT INTO `content_versions` (`id`, `version`) VALUES (1, 1)
		ON CONFLICT (`id`) DO UPDATE SET `version` = `version` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `authors_content_version_after_insert` AFTER INSERT ON `authors` BEGIN
	INSERT INTO `content_versions` (`id`, `version`) VALUES (1, 1)
		ON CONFLICT (`id`) DO UPDATE SET `version` = `version` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `authors_content_version_after_update` AFTER UPDATE ON `authors` BEGIN
	INSERT INTO `content_versions` (`id`, `version`) VALUES (1, 1)
		ON CONFLICT (`id`) DO UPDATE SET `version` = `version` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `authors_content_version_after_delete` AFTER DELETE ON `authors` BEGIN
	INSERT INTO `content_versions` (`id`, `version`) VALUES (1, 1)
		ON CONFLICT (`id`) DO UPDATE SET `version` = `version` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `media_content_version_after_insert` AFTER INSERT ON `media` BEGIN
	INSERT INTO `content_versions` (`id`, `version`) VALUES (1, 1)
		ON CONFLICT (`id`) DO UPDATE SET `version` = `version` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `media_content_version_after_update` AFTER UPDATE ON `media` BEGIN
	INSERT INTO `content_versions` (`id`, `version`) VALUES (1, 1)
		ON CONFLICT (`id`) DO UPDATE SET `version` = `version` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `media_content_version_after_delete` AFTER DELETE ON `media` BEGIN
	INSERT INTO `content_versions` (`id`, `version`) VALUES (1, 1)
		ON CONFLICT (`id`) DO UPDATE SET `version` = `version` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `posts_media_content_version_after_insert` AFTER INSERT ON `posts_media` BEGIN
	INSERT INTO `content_versions` (`id`, `version`) VALUES (1, 1)
		ON CONFLICT (`id`) DO UPDATE SET `version` = `version` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `posts_media_content_version_after_update` AFTER UPDATE ON `posts_media` BEGIN
	INSERT INTO `content_versions` (`id`, `version`) VALUES (1, 1)
		ON CONFLICT (`id`) DO UPDATE SET `version` = `version` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `posts_media_content_version_after_delete` AFTER DELETE ON `posts_media` BEGIN
	INSERT INTO `content_versions` (`id`, `version`) VALUES (1, 1)
		ON CONFLICT (`id`) DO UPDATE SET `version` = `version` + 1;
END;
