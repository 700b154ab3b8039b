/**
 * What `npm start` prints once the local server answers, last, framed so it stands out from
 * wrangler's output: where the blog is and, the first time, the demo editor's one-time login.
 */
export type StartLogin = { email: string; password: string }

export function startBanner(port: string, login: StartLogin | null, ready = true): string {
  const origin = `http://localhost:${port}`
  const lines = [
    ready ? 'The blog is running.' : 'The local server has not answered yet.',
    '',
    `  Blog:      ${origin}/`,
    `  Admin:     ${origin}/admin`,
  ]
  if (login) {
    lines.push(
      `  Email:     ${login.email}`,
      `  Password:  ${login.password}`,
      '',
      'The password is shown only this once.',
      'Add your own editors with `npm run editor:add`.',
    )
  } else {
    lines.push('', 'Log in with your editor account (`npm run editor:add` adds one).')
  }
  lines.push('', 'Stop with Ctrl+C. `npm run dev` shows all of wrangler’s output.')
  const width = Math.max(...lines.map((line) => line.length))
  return [
    `┌${'─'.repeat(width + 2)}┐`,
    ...lines.map((line) => `│ ${line.padEnd(width)} │`),
    `└${'─'.repeat(width + 2)}┘`,
  ].join('\n')
}

/** One line for the whole of `wrangler d1 migrations apply`'s tables. */
export function migrationsSummary(output: string): string {
  const applied = /About to apply (\d+) migration/.exec(output)
  if (applied) {
    const count = Number(applied[1])
    return `Local database: ${count} migration${count === 1 ? '' : 's'} applied.`
  }
  if (/No migrations to apply/.test(output)) return 'Local database: up to date.'
  return 'Local database: migrations applied.'
}
