/** A position in a feed: the last post shown, ordered by `published_at` then `id`, newest first. */
export type FeedCursor = { publishedAt: number; id: number }

export class InvalidCursorError extends Error {
  constructor() {
    super('Invalid cursor')
  }
}

const CURSOR_PATTERN = /^(\d{1,15})\.(\d{1,12})$/

function toBase64Url(text: string): string {
  return btoa(text).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
}

function fromBase64Url(encoded: string): string {
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(encoded)) throw new InvalidCursorError()
  try {
    return atob(encoded.replace(/-/g, '+').replace(/_/g, '/'))
  } catch {
    throw new InvalidCursorError()
  }
}

export function encodeCursor(cursor: FeedCursor): string {
  return toBase64Url(`${cursor.publishedAt}.${cursor.id}`)
}

/** Throws InvalidCursorError for anything `encodeCursor` could not have produced. */
export function decodeCursor(encoded: string): FeedCursor {
  const match = CURSOR_PATTERN.exec(fromBase64Url(encoded))
  if (!match) throw new InvalidCursorError()
  const cursor = { publishedAt: Number(match[1]), id: Number(match[2]) }
  if (!Number.isSafeInteger(cursor.publishedAt) || !Number.isSafeInteger(cursor.id)) {
    throw new InvalidCursorError()
  }
  if (encodeCursor(cursor) !== encoded) throw new InvalidCursorError()
  return cursor
}
