const MAX_LINE = 76

const hexByte = (byte: number) => `=${byte.toString(16).toUpperCase().padStart(2, '0')}`

/** One line of text as quoted-printable pieces: each a character or an `=XX` escape. */
function encodeLine(line: string): string[] {
  const bytes = new TextEncoder().encode(line)
  const pieces: string[] = []
  bytes.forEach((byte, index) => {
    const last = index === bytes.length - 1
    const literal =
      (byte >= 0x21 && byte <= 0x7e && byte !== 0x3d) || ((byte === 0x20 || byte === 0x09) && !last)
    pieces.push(literal ? String.fromCharCode(byte) : hexByte(byte))
  })
  return pieces
}

/**
 * UTF-8 text as quoted-printable (RFC 2045): every line ends in CRLF and none is longer than 76
 * characters; long lines are cut with soft breaks (`=`), never inside an escape.
 */
export function encodeQuotedPrintable(text: string): string {
  const out: string[] = []
  for (const line of text.replace(/\r\n?/g, '\n').split('\n')) {
    let current = ''
    for (const piece of encodeLine(line)) {
      if (current.length + piece.length > MAX_LINE - 1) {
        out.push(`${current}=`)
        current = ''
      }
      current += piece
    }
    out.push(current)
  }
  return out.join('\r\n')
}
