import type { Media, User } from '../../db/schema'
import { editsAllContent } from '../auth'

/** The owner and editors delete any unused image; authors and contributors those they uploaded. */
export function mayDeleteMedia(editor: Pick<User, 'id' | 'role'>, media: Pick<Media, 'createdBy'>) {
  return editsAllContent(editor) || media.createdBy === editor.id
}
