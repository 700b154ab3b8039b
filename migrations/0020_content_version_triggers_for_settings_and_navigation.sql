-- The site's settings and its navigation menus are shown on every reader page (name, tagline,
-- logo, footer, header links, feeds, the sitemap's address): like every table readers see (0012),
-- a write bumps the content version in the same transaction, so cached pages built before it
-- become unreachable at once.
CREATE TRIGGER `site_settings_content_version_after_insert` AFTER INSERT ON `site_settings` BEGIN
	INSERT INTO `content_versions` (`id`, `version`) VALUES (1, 1)
		ON CONFLICT (`id`) DO UPDATE SET `version` = `version` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `site_settings_content_version_after_update` AFTER UPDATE ON `site_settings` BEGIN
	INSERT INTO `content_versions` (`id`, `version`) VALUES (1, 1)
		ON CONFLICT (`id`) DO UPDATE SET `version` = `version` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `site_settings_content_version_after_delete` AFTER DELETE ON `site_settings` BEGIN
	INSERT INTO `content_versions` (`id`, `version`) VALUES (1, 1)
		ON CONFLICT (`id`) DO UPDATE SET `version` = `version` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `navigation_menus_content_version_after_insert` AFTER INSERT ON `navigation_menus` BEGIN
	INSERT INTO `content_versions` (`id`, `version`) VALUES (1, 1)
		ON CONFLICT (`id`) DO UPDATE SET `version` = `version` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `navigation_menus_content_version_after_update` AFTER UPDATE ON `navigation_menus` BEGIN
	INSERT INTO `content_versions` (`id`, `version`) VALUES (1, 1)
		ON CONFLICT (`id`) DO UPDATE SET `version` = `version` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `navigation_menus_content_version_after_delete` AFTER DELETE ON `navigation_menus` BEGIN
	INSERT INTO `content_versions` (`id`, `version`) VALUES (1, 1)
		ON CONFLICT (`id`) DO UPDATE SET `version` = `version` + 1;
END;
