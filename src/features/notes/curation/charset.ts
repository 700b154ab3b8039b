/**
 * Pages often declare the wrong charset (a UTF-8 page labelled ISO-8859-1, or the reverse).
 * Bytes that are valid UTF-8 are read as UTF-8 whatever the label says, since Latin-1 text with
 * accents is almost never valid UTF-8; otherwise the declared charset is used, and Windows-1252
 * (what browsers use for "ISO-8859-1") when none is declared or it is unknown.
 */
function declaredCharset(contentType: string, head: string): string | null {
  const fromHeader = /charset\s*=\s*["']?([\w.:-]+)/i.exec(contentType)
  if (fromHeader) return fromHeader[1]
  const fromMeta = /<meta[^>]+charset\s*=\s*["']?([\w.:-]+)/i.exec(head)
  return fromMeta ? fromMeta[1] : null
}

export function decodePage(bytes: Uint8Array, contentType: string, truncated: boolean): string {
  try {
    // A truncated body may end inside a character: `stream` lets the decoder ignore that tail.
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes, {
      stream: truncated,
    })
  } catch {
    const head = new TextDecoder('latin1').decode(bytes.subarray(0, 2048))
    const label = declaredCharset(contentType, head)
    try {
      if (label && !/^utf-?8$/i.test(label)) return new TextDecoder(label).decode(bytes)
    } catch {
      // Unknown label: fall through.
    }
    return new TextDecoder('windows-1252').decode(bytes)
  }
}
