const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
}

// C0/C1 controls other than tab and newlines: invalid in XML and meaningless in text.
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g

/** Removes characters that XML 1.0 forbids and that no reader wants to see. */
export function withoutControlCharacters(text: string): string {
  return text.replace(CONTROL_CHARACTERS, '')
}

/** `&amp;`, `&#233;`, `&#xe9;` and the other common named entities, as the characters they stand for. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (entity, name: string) => {
    if (name[0] !== '#') return ENTITIES[name.toLowerCase()] ?? entity
    const code =
      name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : Number(name.slice(1))
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : ''
  })
}

/** Sanitized post HTML as plain text: block ends become spaces, entities are decoded. */
export function htmlToText(html: string): string {
  const text = html
    .replace(/<\/(p|h\d|li|blockquote|pre|td|th|figcaption)>|<br\s*\/?>/gi, ' ')
    .replace(/<[^>]*>/g, '')
  return withoutControlCharacters(decodeEntities(text)).replace(/\s+/g, ' ').trim()
}
