CREATE TABLE `redirect_query_names` (
	`name` text PRIMARY KEY NOT NULL
);
--> statement-breakpoint
-- The names of the query strings already in `redirects` (imported before this table existed), as
-- written there: up to the first `=` of each `&`-separated part.
WITH RECURSIVE parts(rest, part) AS (
	SELECT substr(`from_path`, instr(`from_path`, '?') + 1) || '&', NULL
	FROM `redirects` WHERE instr(`from_path`, '?') > 0
	UNION ALL
	SELECT substr(rest, instr(rest, '&') + 1), substr(rest, 1, instr(rest, '&') - 1)
	FROM parts WHERE rest <> ''
)
INSERT OR IGNORE INTO `redirect_query_names` (`name`)
SELECT CASE WHEN instr(part, '=') > 0 THEN substr(part, 1, instr(part, '=') - 1) ELSE part END
FROM parts WHERE part IS NOT NULL AND part <> '' AND instr(part, '=') <> 1;
