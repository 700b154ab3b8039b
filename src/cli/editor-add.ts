/**
 * `npm run editor:add -- --email ana@example.org --name "Ana" [--role owner] [--remote]`
 * Creates an editor in the local D1 (or the deployed one with --remote). The password is typed
 * in the terminal, hidden; left empty, one is generated and printed once.
 */
import { spawnSync } from 'node:child_process'
import { createInterface } from 'node:readline'
import { parseArgs } from 'node:util'
import { USER_ROLES, type UserRole } from '../db/schema'
import { authorSlugBase, normalizeEmail, signsAsThemselves } from '../features/auth'
import { generatePassword, hashPassword, MIN_PASSWORD_LENGTH } from '../features/auth'
import { ensureLocalPepper } from './local-secrets'

const { values } = parseArgs({
  options: {
    email: { type: 'string' },
    name: { type: 'string' },
    role: { type: 'string', default: 'editor' },
    remote: { type: 'boolean', default: false },
  },
})

function fail(message: string): never {
  console.error(message)
  process.exit(1)
}

function askHidden(question: string): Promise<string> {
  return new Promise((resolve) => {
    const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true })
    const write = (rl as unknown as { _writeToOutput: (text: string) => void })._writeToOutput
    ;(rl as unknown as { _writeToOutput: (text: string) => void })._writeToOutput = (text) => {
      write.call(rl, text.startsWith(question) ? text : '')
    }
    rl.question(question, (answer) => {
      rl.close()
      process.stdout.write('\n')
      resolve(answer)
    })
  })
}

async function readPassword(): Promise<{ password: string; generated: boolean }> {
  if (!process.stdin.isTTY) return { password: generatePassword(), generated: true }
  const first = await askHidden(
    `Password (at least ${MIN_PASSWORD_LENGTH} characters, empty to generate): `,
  )
  if (!first) return { password: generatePassword(), generated: true }
  if (first.length < MIN_PASSWORD_LENGTH)
    fail(`The password needs at least ${MIN_PASSWORD_LENGTH} characters.`)
  if ((await askHidden('Again: ')) !== first) fail('The two passwords differ.')
  return { password: first, generated: false }
}

const sqlText = (value: string) => `'${value.replace(/'/g, "''")}'`

const email = normalizeEmail(values.email ?? '')
const name = (values.name ?? '').trim()
const role = values.role as UserRole
if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email) && !email.endsWith('@localhost'))
  fail('Give a valid --email.')
if (!name) fail('Give a --name.')
if (!USER_ROLES.includes(role)) fail(`--role is one of: ${USER_ROLES.join(', ')}.`)

const pepper = values.remote ? process.env.AUTH_PEPPER : ensureLocalPepper()
if (!pepper) {
  fail(
    'Set AUTH_PEPPER in the environment to the value of the deployed secret (`wrangler secret put AUTH_PEPPER`).',
  )
}

const { password, generated } = await readPassword()
const passwordHash = await hashPassword(password, pepper)
const insertUser = `INSERT INTO users (email, name, role, password_hash) VALUES (${[email, name, role, passwordHash].map(sqlText).join(', ')});`
// An author or a contributor signs only as themselves: their own author profile, after the
// account (so a taken address stops before it), at the name's slug or, if taken, a suffixed one.
const slug = sqlText(authorSlugBase(name))
const insertProfile = `INSERT INTO authors (slug, name) VALUES (CASE WHEN EXISTS (SELECT 1 FROM authors WHERE slug = ${slug}) THEN ${slug} || '-' || lower(hex(randomblob(4))) ELSE ${slug} END, ${sqlText(name)});
UPDATE users SET author_id = (SELECT max(id) FROM authors WHERE name = ${sqlText(name)}) WHERE email = ${sqlText(email)};`
const insert = signsAsThemselves(role) ? `${insertUser}\n${insertProfile}` : insertUser
const result = spawnSync(
  'npx',
  [
    '--no-install',
    'wrangler',
    'd1',
    'execute',
    'DB',
    values.remote ? '--remote' : '--local',
    '--command',
    insert,
  ],
  { encoding: 'utf8', env: { ...process.env, WRANGLER_SEND_METRICS: 'false' } },
)
if (result.status !== 0) {
  const output = `${result.stdout}\n${result.stderr}`
  fail(
    /UNIQUE constraint failed: users.email/.test(output)
      ? `An editor with ${email} already exists.`
      : output,
  )
}
console.log(`Editor ${email} (${role}) created${values.remote ? ' in the deployed database' : ''}.`)
if (generated) console.log(`Password, shown only this once: ${password}`)
