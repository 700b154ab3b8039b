ALTER TABLE `post_revisions` ADD `autosave` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `users` ADD `author_id` integer REFERENCES authors(id);