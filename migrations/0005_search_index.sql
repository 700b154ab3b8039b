-- Full-text search over the posts readers may find. An external-content FTS5 table: it stores only
-- the index, and snippets are read from `posts`. Accents and case are folded (`clés` = `CLES`).
-- Drafts and trashed posts are left out by the triggers; a scheduled post is indexed and filtered
-- by `published_at` when searching, since it goes live without any write.
CREATE VIRTUAL TABLE `posts_search` USING fts5(
	`title`, `excerpt`, `search_text`,
	content='posts', content_rowid='id',
	tokenize='unicode61 remove_diacritics 2'
);
--> statement-breakpoint
-- Posts written before this column existed: their Markdown is a close enough plain text.
UPDATE `posts` SET `search_text` = `markdown` WHERE `search_text` = '';
--> statement-breakpoint
INSERT INTO `posts_search` (`rowid`, `title`, `excerpt`, `search_text`)
	SELECT `id`, `title`, `excerpt`, `search_text` FROM `posts`
	WHERE `status` <> 'draft' AND `deleted_at` IS NULL;
--> statement-breakpoint
CREATE TRIGGER `posts_search_after_insert` AFTER INSERT ON `posts`
WHEN new.`status` <> 'draft' AND new.`deleted_at` IS NULL BEGIN
	INSERT INTO `posts_search` (`rowid`, `title`, `excerpt`, `search_text`)
		VALUES (new.`id`, new.`title`, new.`excerpt`, new.`search_text`);
END;
--> statement-breakpoint
CREATE TRIGGER `posts_search_after_delete` AFTER DELETE ON `posts`
WHEN old.`status` <> 'draft' AND old.`deleted_at` IS NULL BEGIN
	INSERT INTO `posts_search` (`posts_search`, `rowid`, `title`, `excerpt`, `search_text`)
		VALUES ('delete', old.`id`, old.`title`, old.`excerpt`, old.`search_text`);
END;
--> statement-breakpoint
CREATE TRIGGER `posts_search_after_update`
AFTER UPDATE OF `title`, `excerpt`, `search_text`, `status`, `deleted_at` ON `posts` BEGIN
	INSERT INTO `posts_search` (`posts_search`, `rowid`, `title`, `excerpt`, `search_text`)
		SELECT 'delete', old.`id`, old.`title`, old.`excerpt`, old.`search_text`
		WHERE old.`status` <> 'draft' AND old.`deleted_at` IS NULL;
	INSERT INTO `posts_search` (`rowid`, `title`, `excerpt`, `search_text`)
		SELECT new.`id`, new.`title`, new.`excerpt`, new.`search_text`
		WHERE new.`status` <> 'draft' AND new.`deleted_at` IS NULL;
END;
--> statement-breakpoint
-- `ORDER BY rank` weighs a match in the title 10 times, in the excerpt 4 times, one in the body.
INSERT INTO `posts_search` (`posts_search`, `rank`) VALUES ('rank', 'bm25(10.0, 4.0, 1.0)');
