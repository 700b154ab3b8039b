/**
 * Whether a comment holds an entry of the owner's block list (one a line): a word or phrase in
 * its text or name, an email address, or a domain (of the email or of a link or website).
 */
export function blocked(
  blockList: string,
  comment: { name: string; email: string; url: string; text: string },
): boolean {
  const entries = blockList
    .split('\n')
    .map((line) => line.trim().toLowerCase())
    .filter(Boolean)
  if (!entries.length) return false
  const email = comment.email.toLowerCase()
  const words = `${comment.name}\n${comment.text}`.toLowerCase()
  const domains = [email.split('@')[1] ?? '', ...linkHosts(`${comment.url} ${comment.text}`)]
  return entries.some((entry) => {
    if (entry.includes('@')) return email === entry
    if (domains.some((host) => host === entry || host.endsWith(`.${entry}`))) return true
    return words.includes(entry)
  })
}

function linkHosts(text: string) {
  const hosts: string[] = []
  for (const match of text.matchAll(/https?:\/\/([^\s/?#)\]"'<>]+)/gi))
    hosts.push(match[1].toLowerCase().replace(/:\d+$/, ''))
  return hosts
}
