-- Reader answers for old addresses (301s and the 404s of addresses that have none) are now kept in
-- the page cache like pages, and the cached content state carries the query names of old
-- addresses (`redirect_query_names`). So a new or changed redirect must make those answers stale,
-- by the same triggers as every other table readers see (0012).
CREATE TRIGGER `redirects_content_version_after_insert` AFTER INSERT ON `redirects` BEGIN
	INSERT INTO `content_versions` (`id`, `version`) VALUES (1, 1)
		ON CONFLICT (`id`) DO UPDATE SET `version` = `version` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `redirects_content_version_after_update` AFTER UPDATE ON `redirects` BEGIN
	INSERT INTO `content_versions` (`id`, `version`) VALUES (1, 1)
		ON CONFLICT (`id`) DO UPDATE SET `version` = `version` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `redirects_content_version_after_delete` AFTER DELETE ON `redirects` BEGIN
	INSERT INTO `content_versions` (`id`, `version`) VALUES (1, 1)
		ON CONFLICT (`id`) DO UPDATE SET `version` = `version` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `redirect_query_names_content_version_after_insert` AFTER INSERT ON `redirect_query_names` BEGIN
	INSERT INTO `content_versions` (`id`, `version`) VALUES (1, 1)
		ON CONFLICT (`id`) DO UPDATE SET `version` = `version` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `redirect_query_names_content_version_after_update` AFTER UPDATE ON `redirect_query_names` BEGIN
	INSERT INTO `content_versions` (`id`, `version`) VALUES (1, 1)
		ON CONFLICT (`id`) DO UPDATE SET `version` = `version` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `redirect_query_names_content_version_after_delete` AFTER DELETE ON `redirect_query_names` BEGIN
	INSERT INTO `content_versions` (`id`, `version`) VALUES (1, 1)
		ON CONFLICT (`id`) DO UPDATE SET `version` = `version` + 1;
END;
