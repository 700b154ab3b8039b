const ATOM = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+$/
const LABEL = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/

/**
 * A plain `local@domain` (RFC 5322 dot-atoms, ASCII): the only shape this blog sends to or from.
 * No space, quote, angle bracket, comma or control character can pass, so a typed address can
 * neither add a header nor a second recipient. `editor@localhost` passes, for local development.
 */
export function isMailAddress(text: string): boolean {
  if (text.length > 254) return false
  const at = text.lastIndexOf('@')
  if (at <= 0) return false
  const local = text.slice(0, at)
  const domain = text.slice(at + 1)
  return (
    local.length <= 64 &&
    local.split('.').every((atom) => ATOM.test(atom)) &&
    domain.split('.').every((label) => LABEL.test(label))
  )
}

/** The part after the `@`, for Message-IDs. */
export function domainOf(address: string): string {
  return address.slice(address.lastIndexOf('@') + 1)
}
