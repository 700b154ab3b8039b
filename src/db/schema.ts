import { sql } from 'drizzle-orm'
import {
  index,
  uniqueIndex,
  integer,
  primaryKey,
  sqliteTable,
  text,
  type AnySQLiteColumn,
} from 'drizzle-orm/sqlite-core'

export const POST_STATUSES = ['draft', 'scheduled', 'published'] as const
export type PostStatus = (typeof POST_STATUSES)[number]

export const LANGUAGES = ['en', 'fr'] as const
export type Language = (typeof LANGUAGES)[number]

/**
 * A note is a short curated post: the text quoted from a source (in `excerpt`) and its link. A
 * page stands apart at the site's root (`/a-propos`): in no list or feed, no byline, no date.
 */
export const POST_KINDS = ['post', 'note', 'page'] as const
export type PostKind = (typeof POST_KINDS)[number]

const timestamps = {
  createdAt: integer({ mode: 'timestamp_ms' })
    .notNull()
    .default(sql`(unixepoch('subsec') * 1000)`),
  updatedAt: integer({ mode: 'timestamp_ms' })
    .notNull()
    .default(sql`(unixepoch('subsec') * 1000)`),
}

export const authors = sqliteTable('authors', {
  id: integer().primaryKey({ autoIncrement: true }),
  slug: text().notNull().unique(),
  name: text().notNull(),
  bio: text().notNull().default(''),
  ...timestamps,
})

export const categories = sqliteTable('categories', {
  id: integer().primaryKey({ autoIncrement: true }),
  slug: text().notNull().unique(),
  name: text().notNull(),
  description: text().notNull().default(''),
  ...timestamps,
})

/**
 * A post is listed once it is not a draft and its `published_at` has passed: a scheduled post
 * needs no job to go live. The partial indexes below carry exactly the `status <> 'draft'` (and,
 * for lists, `kind <> 'page'`) terms that the feed queries repeat literally (db/listing.ts), so
 * SQLite can walk them without a sort; pages are found through the kind index.
 */
export const posts = sqliteTable(
  'posts',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    slug: text().notNull().unique(),
    title: text().notNull(),
    excerpt: text().notNull().default(''),
    markdown: text().notNull().default(''),
    html: text().notNull().default(''),
    status: text({ enum: POST_STATUSES }).notNull().default('draft'),
    language: text({ enum: LANGUAGES }).notNull().default('en'),
    publishedAt: integer({ mode: 'timestamp_ms' }),
    authorId: integer()
      .notNull()
      .references(() => authors.id),
    /**
     * The id again, as an ordinary column: SQLite cannot seek an index on the rowid part of a
     * `(published_at, id) <= (?, ?)` bound, so ties on `published_at` would cost extra reads.
     */
    feedOrderId: integer().generatedAlwaysAs(sql`id`, { mode: 'virtual' }),
    /** Set while the post is in the trash; it can be restored for 30 days. */
    deletedAt: integer({ mode: 'timestamp_ms' }),
    ...timestamps,
    /**
     * The body as plain text (no tags, no Markdown marks), written with `html`: full-text search
     * indexes it and quotes snippets from it (the `posts_search` FTS5 table, kept by triggers).
     */
    searchText: text().notNull().default(''),
    /** Raised by every save; a save names the version it was loaded from (optimistic locking). */
    version: integer().notNull().default(1),
    kind: text({ enum: POST_KINDS }).notNull().default('post'),
    /** A note's source: the page quoted and the name of its site. */
    sourceUrl: text().notNull().default(''),
    sourceSiteName: text().notNull().default(''),
    /** When the source says it was published, as it says it (ISO 8601 mostly); shown, not sorted. */
    sourcePublishedAt: text().notNull().default(''),
    /** The image shown above the post and as its thumbnail in lists. */
    featuredMediaId: integer().references((): AnySQLiteColumn => media.id, {
      onDelete: 'set null',
    }),
    featuredImageAlt: text().notNull().default(''),
    /**
     * The account that wrote the post first: authors and contributors change only their own.
     * NULL for posts from before accounts had roles, from an import, or whose account is gone.
     */
    createdBy: integer().references((): AnySQLiteColumn => users.id, { onDelete: 'set null' }),
    /** Readers may comment (features/comments); a site setting may still close old posts. */
    commentsOpen: integer({ mode: 'boolean' }).notNull().default(true),
  },
  (t) => [
    index('posts_listed_idx')
      .on(t.publishedAt, t.feedOrderId)
      .where(sql`status <> 'draft' AND deleted_at IS NULL AND kind <> 'page'`),
    index('posts_author_listed_idx')
      .on(t.authorId, t.publishedAt, t.feedOrderId)
      .where(sql`status <> 'draft' AND deleted_at IS NULL AND kind <> 'page'`),
    index('posts_kind_listed_idx')
      .on(t.kind, t.publishedAt, t.feedOrderId)
      .where(sql`status <> 'draft' AND deleted_at IS NULL`),
    index('posts_trash_idx')
      .on(t.deletedAt)
      .where(sql`deleted_at IS NOT NULL`),
    // Pages are a handful among thousands of posts: their admin list reads only them.
    index('posts_pages_idx')
      .on(t.title)
      .where(sql`kind = 'page'`),
  ],
)

/**
 * `listed_at` copies the post's `published_at` while the post is listed: neither a draft nor in
 * the trash (NULL otherwise),
 * so a category's feed is one covering index range instead of a join and a sort.
 */
export const postsCategories = sqliteTable(
  'posts_categories',
  {
    postId: integer()
      .notNull()
      .references(() => posts.id, { onDelete: 'cascade' }),
    categoryId: integer()
      .notNull()
      .references(() => categories.id, { onDelete: 'cascade' }),
    sortOrder: integer().notNull().default(0),
    listedAt: integer({ mode: 'timestamp_ms' }),
  },
  (t) => [
    primaryKey({ columns: [t.postId, t.categoryId] }),
    index('posts_categories_feed_idx')
      .on(t.categoryId, t.listedAt, t.postId)
      .where(sql`listed_at IS NOT NULL`),
  ],
)

export type Post = typeof posts.$inferSelect
export type NewPost = typeof posts.$inferInsert
export type Author = typeof authors.$inferSelect
export type Category = typeof categories.$inferSelect

/**
 * What each account may do (auth/roles.ts): the owner everything; an editor all content; an author
 * their own posts and notes, published; a contributor their own drafts, published by an editor
 * after review. SQLite keeps no list of them: adding one needs no migration.
 */
export const USER_ROLES = ['owner', 'editor', 'author', 'contributor'] as const
export type UserRole = (typeof USER_ROLES)[number]

/** Editors of the blog. Readers never have an account. */
export const users = sqliteTable('users', {
  id: integer().primaryKey({ autoIncrement: true }),
  email: text().notNull().unique(),
  name: text().notNull(),
  role: text({ enum: USER_ROLES }).notNull().default('editor'),
  /** `pbkdf2-sha256$<iterations>$<salt>$<hash>` (auth/password), so iterations can be raised later. */
  passwordHash: text().notNull(),
  disabledAt: integer({ mode: 'timestamp_ms' }),
  ...timestamps,
  /** The author profile this editor writes as: new posts default to it. */
  authorId: integer().references(() => authors.id, { onDelete: 'set null' }),
  /** Turned off by an editor who signs in with passkeys only; setting a password turns it on. */
  passwordOff: integer({ mode: 'boolean' }).notNull().default(false),
})

/** Only the SHA-256 of a session token is kept: a leaked table opens no session. */
export const sessions = sqliteTable(
  'sessions',
  {
    tokenHash: text().primaryKey(),
    userId: integer()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: integer({ mode: 'timestamp_ms' }).notNull(),
    lastSeenAt: integer({ mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
)

/**
 * One row per failed password check and key: a client on an account or a known device (both
 * hashed), and the account; read over a one-hour window (src/auth/lockout.ts).
 */
export const loginFailures = sqliteTable(
  'login_failures',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    key: text().notNull(),
    failedAt: integer({ mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [index('login_failures_key_idx').on(t.key, t.failedAt)],
)

/**
 * Single-use links to `/admin/join/<token>`: the invitee sets a name and a password and becomes an
 * editor with `role`. Only the SHA-256 of the token is kept. `role` takes any value of `USER_ROLES`
 * at the time: SQLite keeps no list, so adding a role later needs no migration here.
 */
export const invitations = sqliteTable(
  'invitations',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    tokenHash: text().notNull().unique(),
    email: text().notNull(),
    role: text({ enum: USER_ROLES }).notNull(),
    invitedBy: integer().references(() => users.id, { onDelete: 'set null' }),
    createdAt: integer({ mode: 'timestamp_ms' }).notNull(),
    expiresAt: integer({ mode: 'timestamp_ms' }).notNull(),
    usedAt: integer({ mode: 'timestamp_ms' }),
    revokedAt: integer({ mode: 'timestamp_ms' }),
    /** The account the invitation became. */
    userId: integer().references(() => users.id, { onDelete: 'set null' }),
  },
  (t) => [index('invitations_email_idx').on(t.email)],
)

/**
 * One-time links to `/admin/recover/<token>` that let an editor set a new password: sent by the
 * "forgot" form, made by the owner or by `npm run editor:recover`. Only the token's hash is kept.
 */
export const recoveryLinks = sqliteTable(
  'recovery_links',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    tokenHash: text().notNull().unique(),
    userId: integer()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: integer({ mode: 'timestamp_ms' }).notNull(),
    expiresAt: integer({ mode: 'timestamp_ms' }).notNull(),
    usedAt: integer({ mode: 'timestamp_ms' }),
  },
  (t) => [index('recovery_links_user_idx').on(t.userId, t.createdAt)],
)

/**
 * Who signed in and how, failed sign-ins, invitations, recoveries and password changes, kept 13
 * months. `email` is the account's address at the time, so a row still reads once the account is
 * gone; the client is coarse (a browser family and a country), never an address.
 */
export const auditLog = sqliteTable(
  'audit_log',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    at: integer({ mode: 'timestamp_ms' }).notNull(),
    event: text().notNull(),
    userId: integer().references(() => users.id, { onDelete: 'set null' }),
    email: text().notNull().default(''),
    /** Who did it, when not the person concerned (the owner inviting, say). */
    actorId: integer().references(() => users.id, { onDelete: 'set null' }),
    /** The sign-in method, the role given, the reason of a failure. */
    detail: text().notNull().default(''),
    browser: text().notNull().default(''),
    country: text().notNull().default(''),
  },
  (t) => [index('audit_log_at_idx').on(t.at)],
)

/**
 * Messages sent while developing locally (`npm start`), as sent: `/admin/outbox` lists them and
 * serves each as a `.eml`. A deployed Worker never writes here.
 */
export const mailOutbox = sqliteTable('mail_outbox', {
  id: integer().primaryKey({ autoIncrement: true }),
  recipient: text().notNull(),
  subject: text().notNull(),
  /** The RFC 5322 message, byte for byte what was (or would have been) handed to the binding. */
  raw: text().notNull(),
  createdAt: integer({ mode: 'timestamp_ms' }).notNull(),
})

export const postRevisions = sqliteTable(
  'post_revisions',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    postId: integer()
      .notNull()
      .references(() => posts.id, { onDelete: 'cascade' }),
    title: text().notNull(),
    excerpt: text().notNull(),
    markdown: text().notNull(),
    savedBy: integer().references(() => users.id, { onDelete: 'set null' }),
    createdAt: integer({ mode: 'timestamp_ms' })
      .notNull()
      .default(sql`(unixepoch('subsec') * 1000)`),
    /**
     * Text autosaved while a scheduled or published post was being edited: kept apart from the
     * live post until the editor saves, and offered back if the tab was closed. One per post.
     */
    autosave: integer({ mode: 'boolean' }).notNull().default(false),
  },
  (t) => [index('post_revisions_post_idx').on(t.postId, t.id)],
)

/**
 * Addresses that show a draft or a scheduled post to someone without an account
 * (`/preview/<token>`, features/preview-links). The token is signed; this row is what makes it
 * valid, so deleting it revokes the address at once. One per post.
 */
export const previewLinks = sqliteTable('preview_links', {
  postId: integer()
    .primaryKey()
    .references(() => posts.id, { onDelete: 'cascade' }),
  /** Random, in the token: a new link never revives an older address. */
  nonce: text().notNull(),
  expiresAt: integer({ mode: 'timestamp_ms' }).notNull(),
  createdBy: integer().references(() => users.id, { onDelete: 'set null' }),
  createdAt: integer({ mode: 'timestamp_ms' }).notNull(),
})

export const REVIEW_STATES = ['pending', 'returned'] as const
export type ReviewState = (typeof REVIEW_STATES)[number]

/**
 * A draft a contributor submitted for review (`pending`, listed in /admin/review) or that an editor
 * sent back to them (`returned`), with each side's note. One row per post, deleted once the post
 * is published or scheduled. Readers never see it: a post under review is a draft.
 */
export const postReviews = sqliteTable(
  'post_reviews',
  {
    postId: integer()
      .primaryKey()
      .references(() => posts.id, { onDelete: 'cascade' }),
    state: text({ enum: REVIEW_STATES }).notNull(),
    submittedBy: integer().references(() => users.id, { onDelete: 'set null' }),
    submittedAt: integer({ mode: 'timestamp_ms' }).notNull(),
    /** The contributor's note to the editors. */
    submitNote: text().notNull().default(''),
    returnedBy: integer().references(() => users.id, { onDelete: 'set null' }),
    returnedAt: integer({ mode: 'timestamp_ms' }),
    /** The editor's note back to the contributor. */
    returnNote: text().notNull().default(''),
  },
  (t) => [index('post_reviews_state_idx').on(t.state, t.submittedAt)],
)

export type PostReview = typeof postReviews.$inferSelect
export type User = typeof users.$inferSelect
export type Invitation = typeof invitations.$inferSelect
export type AuditRow = typeof auditLog.$inferSelect
export type PostRevision = typeof postRevisions.$inferSelect

/**
 * The audience counter's daily totals, one row per day, metric and key: `page` (path), `more`
 * (a list path whose Load More was used), `referrer` (host or campaign source), `country`,
 * `device`, `bot` (requests filtered as bots) and `visitors` (a closed day's unique visitors).
 * Nothing here identifies a reader.
 */
export const audienceDailyCounts = sqliteTable(
  'audience_daily_counts',
  {
    day: text().notNull(),
    metric: text().notNull(),
    key: text().notNull(),
    count: integer().notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.day, t.metric, t.key] }),
    // The dashboard asks one metric at a time: over a range of days, or for a few keys.
    index('audience_daily_counts_metric_day_idx').on(t.metric, t.day, t.key, t.count),
    index('audience_daily_counts_metric_key_idx').on(t.metric, t.key, t.day, t.count),
  ],
)

/** Today's keyed visitor hashes, only to count each visitor once a day; deleted with the salt. */
export const audienceDailyVisitors = sqliteTable(
  'audience_daily_visitors',
  {
    day: text().notNull(),
    visitorHash: text().notNull(),
  },
  (t) => [primaryKey({ columns: [t.day, t.visitorHash] })],
)

/** One random salt per day; once the day is over it is deleted, and the hashes become unlinkable. */
export const audienceSalts = sqliteTable('audience_salts', {
  day: text().primaryKey(),
  salt: text().notNull(),
})

/**
 * The last flush each audience shard (a Durable Object, by id) added to `audience_daily_counts`:
 * a flush carries the next sequence number and is applied only if its number is higher, so a
 * retried flush never counts twice. `flushed_at` (ms) is how far the dashboard's figures go.
 */
export const audienceShardFlushes = sqliteTable('audience_shard_flushes', {
  shard: text().primaryKey(),
  seq: integer().notNull(),
  flushedAt: integer().notNull(),
})

/**
 * Old addresses that answer 301: a published post's former slug, or a link imported from another
 * engine (`/?p=12`, query string included). `to_path` is always a final address: chains are
 * collapsed when a redirect is added, so a reader never follows more than one hop.
 */
export const redirects = sqliteTable(
  'redirects',
  {
    fromPath: text().primaryKey(),
    toPath: text().notNull(),
    createdAt: integer({ mode: 'timestamp_ms' })
      .notNull()
      .default(sql`(unixepoch('subsec') * 1000)`),
  },
  (t) => [index('redirects_to_path_idx').on(t.toPath)],
)

/**
 * The query parameter names of old addresses in `redirects` (`p` for `/?p=12`). Only a reader's
 * address with one of them can be an old address with a query string, so the page cache ignores
 * every other unknown parameter without asking D1. Never pruned: a stale name costs a lookup only.
 */
export const redirectQueryNames = sqliteTable('redirect_query_names', {
  name: text().primaryKey(),
})

/**
 * A single row (id 1) whose `version` goes up with every write readers can see, raised by triggers
 * on the tables reader pages show (migration 0012): cached reader pages are keyed by it
 * (db/content-version.ts), so a write makes them all stale.
 */
export const contentVersions = sqliteTable('content_versions', {
  id: integer().primaryKey(),
  version: integer().notNull().default(0),
})

/**
 * What each imported item became here, keyed by its id in the source (`post:<guid>`,
 * `author:<login>`, `category:<slug>`): a second import of the same blog finds its items again
 * and compares `content_hash` to know what changed, and never touches posts written here.
 */
export const importedItems = sqliteTable(
  'imported_items',
  {
    sourceKey: text().primaryKey(),
    kind: text({ enum: ['post', 'author', 'category'] }).notNull(),
    targetId: integer().notNull(),
    contentHash: text().notNull().default(''),
    ...timestamps,
  },
  (t) => [index('imported_items_target_idx').on(t.kind, t.targetId)],
)

/**
 * Uploaded images, stored in R2 under `key` (`<sha-256>.<ext>`): the same bytes are stored once.
 * Width and height are the displayed size, read at upload, so every `<img>` can reserve its box.
 */
export const media = sqliteTable('media', {
  id: integer().primaryKey({ autoIncrement: true }),
  key: text().notNull().unique(),
  hash: text().notNull().unique(),
  contentType: text().notNull(),
  bytes: integer().notNull(),
  width: integer().notNull(),
  height: integer().notNull(),
  alt: text().notNull().default(''),
  createdBy: integer().references(() => users.id, { onDelete: 'set null' }),
  createdAt: integer({ mode: 'timestamp_ms' })
    .notNull()
    .default(sql`(unixepoch('subsec') * 1000)`),
})

export const MEDIA_ROLES = ['body', 'featured'] as const
export type MediaRole = (typeof MEDIA_ROLES)[number]

/** Which posts show which image, rewritten on every save: "where is it used" is one query. */
export const postsMedia = sqliteTable(
  'posts_media',
  {
    postId: integer()
      .notNull()
      .references(() => posts.id, { onDelete: 'cascade' }),
    mediaId: integer()
      .notNull()
      .references(() => media.id, { onDelete: 'cascade' }),
    role: text({ enum: MEDIA_ROLES }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.postId, t.mediaId, t.role] }),
    index('posts_media_media_idx').on(t.mediaId),
  ],
)

export type Media = typeof media.$inferSelect

export const IMPORT_JOB_STATUSES = ['running', 'done', 'failed', 'cancelled'] as const

/**
 * An import started from the admin: it runs as a Workflow, in steps, and writes its progress and
 * report here for the page that shows them. `file_key` is the uploaded file in R2.
 */
export const importJobs = sqliteTable('import_jobs', {
  id: text().primaryKey(),
  fileKey: text().notNull(),
  fileName: text().notNull(),
  dryRun: integer({ mode: 'boolean' }).notNull(),
  status: text({ enum: IMPORT_JOB_STATUSES }).notNull().default('running'),
  done: integer().notNull().default(0),
  total: integer().notNull().default(0),
  /** The import report (import/report.ts) as JSON, filled in step by step. */
  report: text().notNull().default(''),
  error: text().notNull().default(''),
  createdBy: integer().references(() => users.id, { onDelete: 'set null' }),
  ...timestamps,
})

export type ImportJob = typeof importJobs.$inferSelect

/**
 * The site's settings, edited by the owner at /admin/settings: one row (id 1). Until it exists,
 * the `[vars]` of wrangler.toml stand in for it (features/settings/seed.ts); the first save writes
 * it and from then on it alone counts. Reader pages show it, so triggers bump the content version.
 */
export const siteSettings = sqliteTable('site_settings', {
  id: integer().primaryKey(),
  name: text().notNull(),
  tagline: text().notNull().default(''),
  language: text({ enum: LANGUAGES }).notNull().default('en'),
  timeZone: text().notNull().default('UTC'),
  /** The public address (`https://host`), or '' for the address each request came to. */
  publicUrl: text().notNull().default(''),
  postsPerPage: integer().notNull().default(10),
  postsPerFeed: integer().notNull().default(20),
  logoMediaId: integer().references(() => media.id, { onDelete: 'set null' }),
  logoAlt: text().notNull().default(''),
  socialImageMediaId: integer().references(() => media.id, { onDelete: 'set null' }),
  socialImageAlt: text().notNull().default(''),
  footerText: text().notNull().default(''),
  mastodonUrl: text().notNull().default(''),
  linkedinUrl: text().notNull().default(''),
  instagramUrl: text().notNull().default(''),
  blueskyUrl: text().notNull().default(''),
  otherProfileUrl: text().notNull().default(''),
  audienceEnabled: integer({ mode: 'boolean' }).notNull().default(true),
  audienceRetentionMonths: integer().notNull().default(13),
  /** Raised by every save; a save names the version its form was loaded from. */
  version: integer().notNull().default(1),
  updatedAt: integer({ mode: 'timestamp_ms' })
    .notNull()
    .default(sql`(unixepoch('subsec') * 1000)`),
})

export type SiteSettingsRow = typeof siteSettings.$inferSelect

export const NAVIGATION_MENUS = ['header', 'footer'] as const
export type NavigationMenu = (typeof NAVIGATION_MENUS)[number]

/**
 * The header's and the footer's links, edited by the owner at /admin/navigation: one row per menu,
 * its links as JSON (features/navigation/links.ts). A menu without a row shows its default (the
 * header's five links of old, no footer links). `version` guards each edit.
 */
export const navigationMenus = sqliteTable('navigation_menus', {
  menu: text({ enum: NAVIGATION_MENUS }).primaryKey(),
  links: text().notNull().default('[]'),
  version: integer().notNull().default(1),
  updatedAt: integer({ mode: 'timestamp_ms' })
    .notNull()
    .default(sql`(unixepoch('subsec') * 1000)`),
})

/** An editor's WebAuthn credentials (auth/passkeys.ts); the id is the credential id, base64url. */
export const passkeys = sqliteTable(
  'passkeys',
  {
    id: text().primaryKey(),
    userId: integer()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    name: text().notNull(),
    /** The COSE public key, base64url. */
    publicKey: text().notNull(),
    counter: integer().notNull().default(0),
    /** JSON array of the authenticator's transports, as the browser gave them. */
    transports: text().notNull().default('[]'),
    createdAt: integer({ mode: 'timestamp_ms' }).notNull(),
    lastUsedAt: integer({ mode: 'timestamp_ms' }),
  },
  (t) => [index('passkeys_user_idx').on(t.userId)],
)

/**
 * WebAuthn challenges, single-use: consumed by a DELETE … RETURNING, valid 5 minutes. A
 * registration challenge belongs to the signed-in editor; a sign-in one to nobody yet.
 */
export const webauthnChallenges = sqliteTable(
  'webauthn_challenges',
  {
    challenge: text().primaryKey(),
    purpose: text({ enum: ['register', 'sign_in'] }).notNull(),
    userId: integer().references(() => users.id, { onDelete: 'cascade' }),
    expiresAt: integer({ mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [index('webauthn_challenges_expires_idx').on(t.expiresAt)],
)

export type Passkey = typeof passkeys.$inferSelect

/**
 * What an agent may do on a person's behalf, each scope including the ones before it: read
 * everything an editor reads; write drafts (posts, notes, images); publish, schedule and unpublish.
 */
export const ACCESS_SCOPES = ['read', 'write_drafts', 'publish'] as const
export type AccessScope = (typeof ACCESS_SCOPES)[number]

/**
 * Personal access tokens for the MCP server (`Authorization: Bearer …`), made on /admin/account.
 * Only the SHA-256 of a token is kept; revoking one deletes its row.
 */
export const accessTokens = sqliteTable(
  'access_tokens',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    userId: integer()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    name: text().notNull(),
    scope: text({ enum: ACCESS_SCOPES }).notNull(),
    tokenHash: text().notNull().unique(),
    createdAt: integer({ mode: 'timestamp_ms' }).notNull(),
    expiresAt: integer({ mode: 'timestamp_ms' }).notNull(),
    lastUsedAt: integer({ mode: 'timestamp_ms' }),
  },
  (t) => [index('access_tokens_user_idx').on(t.userId)],
)

export type AccessToken = typeof accessTokens.$inferSelect

/**
 * Requests an agent's token or OAuth grant made in the current minute (`key`: `token:<id>` or
 * `oauth:<user>:<client>`): counted and checked in one statement. Stale rows go hourly.
 */
export const agentRequestCounts = sqliteTable('agent_request_counts', {
  key: text().primaryKey(),
  windowStart: integer().notNull(),
  count: integer().notNull(),
})

// ─── Subscriptions (features/subscriptions): follow by email ────────────────────────────────────

export const SUBSCRIBER_STATES = ['pending', 'confirmed', 'unsubscribed'] as const
export type SubscriberState = (typeof SUBSCRIBER_STATES)[number]

/**
 * Readers who follow the blog by email. Double opt-in: `pending` until the signed link is
 * followed; confirming records when, and the consent wording shown (`consentVersion`,
 * `consentText`), or for an import, that the owner said they hold consent (`consentSource`).
 * `token` is the address of the unsubscribe link in every message. Reader pages show none of it.
 */
export const subscribers = sqliteTable(
  'subscribers',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    /** Lower case: one subscriber per address. */
    email: text().notNull().unique(),
    language: text({ enum: LANGUAGES }).notNull().default('en'),
    state: text({ enum: SUBSCRIBER_STATES }).notNull().default('pending'),
    token: text().notNull().unique(),
    createdAt: integer({ mode: 'timestamp_ms' }).notNull(),
    confirmSentAt: integer({ mode: 'timestamp_ms' }),
    confirmedAt: integer({ mode: 'timestamp_ms' }),
    consentSource: text({ enum: ['form', 'import'] }),
    consentVersion: text(),
    consentText: text(),
    unsubscribedAt: integer({ mode: 'timestamp_ms' }),
  },
  (t) => [
    index('subscribers_state_idx').on(t.state, t.id),
    index('subscribers_pending_idx')
      .on(t.confirmSentAt)
      .where(sql`state = 'pending'`),
  ],
)

/** Erased subscribers: only how many, by day; nothing that was theirs. */
export const subscriberErasures = sqliteTable('subscriber_erasures', {
  day: text().primaryKey(),
  count: integer().notNull().default(0),
})

/**
 * Subscribe requests per client and day, the client known only by the audience counter's
 * daily-salted hash (never the address): the form's rate limit. Past days are deleted hourly.
 */
export const subscribeAttempts = sqliteTable(
  'subscribe_attempts',
  {
    clientHash: text().notNull(),
    day: text().notNull(),
    count: integer().notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.clientHash, t.day] })],
)

/**
 * Whether a post is emailed to subscribers when it goes public (`wanted`), and when it was handed
 * to them (`fannedOutAt`: once, ever). `siteUrl` and `local` are the saving request's, for links
 * and for the local outbox, since the queue that sends has no request.
 */
export const postMailings = sqliteTable('post_mailings', {
  postId: integer()
    .primaryKey()
    .references(() => posts.id, { onDelete: 'cascade' }),
  wanted: integer({ mode: 'boolean' }).notNull(),
  siteUrl: text().notNull().default(''),
  local: integer({ mode: 'boolean' }).notNull().default(false),
  requestedAt: integer({ mode: 'timestamp_ms' }).notNull(),
  fannedOutAt: integer({ mode: 'timestamp_ms' }),
})

export const DELIVERY_STATES = ['queued', 'sending', 'sent', 'failed', 'skipped'] as const

/**
 * One row per (post, subscriber): what makes sending idempotent and resumable. An erased
 * subscriber's rows keep their state with no subscriber, for the post's history.
 */
export const mailDeliveries = sqliteTable(
  'mail_deliveries',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    postId: integer()
      .notNull()
      .references(() => posts.id, { onDelete: 'cascade' }),
    subscriberId: integer().references(() => subscribers.id, { onDelete: 'set null' }),
    status: text({ enum: DELIVERY_STATES }).notNull().default('queued'),
    attempts: integer().notNull().default(0),
    claimedAt: integer({ mode: 'timestamp_ms' }),
    sentAt: integer({ mode: 'timestamp_ms' }),
  },
  (t) => [
    uniqueIndex('mail_deliveries_post_subscriber_idx').on(t.postId, t.subscriberId),
    index('mail_deliveries_post_status_idx').on(t.postId, t.status, t.id),
    index('mail_deliveries_sent_idx')
      .on(t.sentAt)
      .where(sql`sent_at IS NOT NULL`),
  ],
)

/** The mailing's settings, edited at /admin/settings (features/subscriptions): one row, id 1. */
export const mailingSettings = sqliteTable('mailing_settings', {
  id: integer().primaryKey(),
  emailPosts: integer({ mode: 'boolean' }).notNull().default(true),
  emailNotes: integer({ mode: 'boolean' }).notNull().default(false),
  fullPost: integer({ mode: 'boolean' }).notNull().default(true),
  dailyCap: integer().notNull().default(3000),
})

// --- Comments (features/comments) ---

export const COMMENT_STATUSES = ['pending', 'approved', 'spam'] as const
export type CommentStatus = (typeof COMMENT_STATUSES)[number]

/**
 * Readers' comments on posts, notes and pages, one level of replies (`parent_id`). The email is
 * kept as a keyed hash (`email_hash`, to recognise a returning commenter) and in clear only while
 * its writer wants to hear of replies. `client_hash` is the audience counter's daily-salted hash
 * of the client, for the rate limit: never the IP. An editor's reply names its author profile.
 */
export const comments = sqliteTable(
  'comments',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    postId: integer()
      .notNull()
      .references(() => posts.id, { onDelete: 'cascade' }),
    parentId: integer().references((): AnySQLiteColumn => comments.id, { onDelete: 'cascade' }),
    status: text({ enum: COMMENT_STATUSES }).notNull().default('pending'),
    authorName: text().notNull(),
    authorUrl: text().notNull().default(''),
    emailHash: text().notNull().default(''),
    /** In clear only while `notify_replies` holds. */
    email: text().notNull().default(''),
    notifyReplies: integer({ mode: 'boolean' }).notNull().default(false),
    markdown: text().notNull(),
    html: text().notNull(),
    clientHash: text().notNull().default(''),
    authorId: integer().references(() => authors.id, { onDelete: 'set null' }),
    createdAt: integer({ mode: 'timestamp_ms' }).notNull(),
    /** When the comment answered was told of this reply: once, however often it is approved. */
    replyNoticedAt: integer({ mode: 'timestamp_ms' }),
  },
  (t) => [
    index('comments_post_idx').on(t.postId, t.status, t.createdAt),
    index('comments_status_idx').on(t.status, t.createdAt),
    index('comments_client_idx').on(t.clientHash, t.createdAt),
  ],
)

export type Comment = typeof comments.$inferSelect

export const COMMENT_MODERATION = ['all', 'first', 'none'] as const
export type CommentModeration = (typeof COMMENT_MODERATION)[number]

/** The owner's comment settings: one row (id 1); without it, the defaults hold. */
export const commentSettings = sqliteTable('comment_settings', {
  id: integer().primaryKey(),
  moderation: text({ enum: COMMENT_MODERATION }).notNull().default('first'),
  /** Comments close this many days after publication; 0: never. */
  closeAfterDays: integer().notNull().default(0),
  onPages: integer({ mode: 'boolean' }).notNull().default(false),
  /** Words, emails and domains, one a line: a comment holding one goes to spam. */
  blockList: text().notNull().default(''),
})
