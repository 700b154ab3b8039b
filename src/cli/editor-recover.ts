/**
 * `npm run editor:recover -- --email you@example.org [--remote] [--url https://blog.example]`
 * For an owner locked out of their own account (password forgotten, passkey lost, no email set
 * up): prints a one-time link, valid 24 hours, that sets a new password and signs them in. Using
 * it ends their other sessions. Editors get theirs from the owner, on /admin/users.
 */
import { parseArgs } from 'node:util'
import { createDb } from '../db/client'
import { createRecoveryLink, RECOVERY_HANDED_TTL_MS } from '../features/account-links'
import { findUserByEmail, recordAudit } from '../features/auth'
import { platformFor } from './platform'

const { values } = parseArgs({
  options: {
    email: { type: 'string' },
    url: { type: 'string' },
    remote: { type: 'boolean', default: false },
    // Where `npm start -- --persist-to <dir>` keeps its local data.
    'persist-to': { type: 'string' },
  },
})

function fail(message: string): never {
  console.error(message)
  process.exit(1)
}

if (!values.email) fail('Give the --email of your owner account.')

const proxy = await platformFor(values.remote, values['persist-to'])
try {
  const db = createDb(proxy.env.DB)
  const user = await findUserByEmail(db, values.email)
  if (!user) fail(`No account uses ${values.email}.`)
  if (user.role !== 'owner')
    fail(`${user.email} is not an owner: the owner makes editors' recovery links on /admin/users.`)
  if (user.disabledAt) fail(`${user.email} is disabled.`)
  const site =
    values.url ??
    (proxy.env.SITE_URL ||
      (values.remote
        ? fail('Give the blog’s address with --url (or set SITE_URL in wrangler.toml).')
        : `http://localhost:${process.env.PORT ?? '8787'}`))
  const token = await createRecoveryLink(db, user.id, RECOVERY_HANDED_TTL_MS)
  await recordAudit(db, {
    event: 'recovery_link_created',
    userId: user.id,
    email: user.email,
    detail: 'command line',
  })
  console.log(`
  Recovery link for ${user.email}, valid 24 hours, once:
    ${site.replace(/\/+$/, '')}/admin/recover/${token}
  (using it ends the account's other sessions)
`)
} finally {
  await proxy.dispose()
}
