import type { FetchFailure } from '../../lib/safe-fetch'
import type { Locale } from '../../i18n/site'
import { adminMessagesFor } from '../../i18n/admin'
import type { User } from '../../db/schema'
import { defaultBylineId } from '../posts'
import { declaredLanguage } from './curation/declared-language'
import { readSourcePage } from './curation/shared-link'
import { saveCheckedNote, type NoteSaveDeps, type NoteSaveOutcome } from './save-note'
import type { NoteFormValues } from './schemas'

/** What an agent gives to make a note; what it leaves out comes from the page, as for a share. */
export type LinkNoteInput = {
  url: string
  title?: string
  quote?: string
  comment?: string
  categoryIds?: number[]
  language?: string
}

export type LinkNoteOutcome =
  | { kind: 'unread'; reason: FetchFailure }
  /** The person has no author profile to sign with (an author's or contributor's was unlinked). */
  | { kind: 'noByline' }
  | Exclude<NoteSaveOutcome, { kind: 'relogin' }>

/**
 * A draft note from a link, as the share target makes one: the page is read once through the safe
 * fetcher (title, description as the quote, site name, date, image, language), what was given
 * wins, and the note is saved by the note form's own save.
 */
export async function draftNoteFromLink(
  deps: NoteSaveDeps,
  editor: Pick<User, 'id' | 'role' | 'authorId'>,
  site: { locale: Locale; timeZone: string },
  input: LinkNoteInput,
): Promise<LinkNoteOutcome> {
  // Before the page is read: without a byline nothing could be saved.
  const authorId = await defaultBylineId(deps.db, editor)
  if (!authorId) return { kind: 'noByline' }
  const source = await readSourcePage(input.url, deps.allowedHosts)
  if (!source.ok) return { kind: 'unread', reason: source.reason }
  const page = source.metadata
  const values: NoteFormValues = {
    title: input.title || page.title,
    sourceUrl: page.canonicalUrl || input.url,
    siteName: page.siteName,
    quote: input.quote ?? page.description,
    comment: input.comment ?? '',
    sourcePublishedAt: page.publishedAt,
    imageUrl: page.imageUrl,
    keepImage: page.imageUrl ? 'keep' : '',
    categoryIds: (input.categoryIds ?? []).map(String),
    newCategory: '',
    language:
      declaredLanguage(input.language ?? '') ?? declaredLanguage(page.language) ?? site.locale,
    authorId: String(authorId),
    publishDate: '',
    publishTime: '',
    timeZone: site.timeZone,
    intent: 'draft',
    reviewNote: '',
    version: '',
  }
  return saveCheckedNote(deps, editor, null, values, adminMessagesFor(site.locale).notAllowed)
}
