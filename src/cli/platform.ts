import { spawnSync } from 'node:child_process'
import { readFileSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { getPlatformProxy } from 'wrangler'

process.env.WRANGLER_SEND_METRICS ??= 'false'

const REMOTE_CONFIG = 'wrangler.remote-cli.toml'

/**
 * The Worker's bindings for a command-line tool: the local D1 and R2 under .wrangler/ (or
 * `persistTo`, as `wrangler dev --persist-to` names it; the migrations applied first), or with
 * `remote` the deployed ones, through a copy of wrangler.toml whose D1 and R2 bindings are marked
 * remote.
 */
export async function platformFor(remote: boolean, persistTo?: string) {
  if (!remote) {
    const applied = spawnSync(
      'npx',
      [
        '--no-install',
        'wrangler',
        'd1',
        'migrations',
        'apply',
        'DB',
        '--local',
        ...(persistTo ? ['--persist-to', persistTo] : []),
      ],
      {
        stdio: ['ignore', 'ignore', 'inherit'],
      },
    )
    if (applied.status !== 0) process.exit(applied.status ?? 1)
    return getPlatformProxy<Env>({
      persist: persistTo ? { path: path.join(persistTo, 'v3') } : true,
    })
  }
  const config = readFileSync('wrangler.toml', 'utf8').replace(
    /^(binding = "(DB|MEDIA)")$/gm,
    '$1\nremote = true',
  )
  writeFileSync(REMOTE_CONFIG, config)
  try {
    return await getPlatformProxy<Env>({ configPath: REMOTE_CONFIG })
  } finally {
    rmSync(REMOTE_CONFIG, { force: true })
  }
}
