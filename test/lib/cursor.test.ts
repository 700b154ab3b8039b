import { describe, expect, it } from 'vitest'
import { decodeCursor, encodeCursor, InvalidCursorError } from '../../src/lib/cursor'

describe('feed cursors', () => {
  it('round-trips a position', () => {
    const cursor = { publishedAt: 1_701_424_800_000, id: 42 }
    expect(decodeCursor(encodeCursor(cursor))).toEqual(cursor)
  })

  it.each([
    ['empty', ''],
    ['not base64', '%%%'],
    ['garbage', 'aGVsbG8'],
    ['altered', encodeCursor({ publishedAt: 1, id: 1 }).replace(/./, 'x')],
    ['padding added', `${encodeCursor({ publishedAt: 5, id: 5 })}=`],
    ['too long', 'A'.repeat(100)],
    ['sql', "1' OR 1=1 --"],
  ])('rejects a %s cursor', (_, value) => {
    expect(() => decodeCursor(value)).toThrow(InvalidCursorError)
  })
})
