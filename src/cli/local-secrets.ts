import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { bytesToBase64Url } from '../lib/encoding'

const DEV_VARS = '.dev.vars'

/** AUTH_PEPPER for local use, generated once into the git-ignored .dev.vars. */
export function ensureLocalPepper(): string {
  const current = existsSync(DEV_VARS) ? readFileSync(DEV_VARS, 'utf8') : ''
  const match = /^AUTH_PEPPER\s*=\s*"?([^"\n]+)"?\s*$/m.exec(current)
  if (match) return match[1]
  const pepper = bytesToBase64Url(crypto.getRandomValues(new Uint8Array(32)))
  writeFileSync(
    DEV_VARS,
    `${current}${current && !current.endsWith('\n') ? '\n' : ''}AUTH_PEPPER="${pepper}"\n`,
    { mode: 0o600 },
  )
  return pepper
}
