import { describe, expect, it } from 'vitest'
import { migrationsSummary, startBanner } from '../../src/cli/start-banner'

describe('npm start’s closing box', () => {
  const login = { email: 'editor@localhost', password: 'WzeeVV6e4zG2kBPayw5s' }

  it('frames the address and the one-time login, every line the same width', () => {
    const lines = startBanner('8799', login).split('\n')
    expect(lines[0]).toMatch(/^┌─+┐$/)
    expect(lines.at(-1)).toMatch(/^└─+┘$/)
    expect(new Set(lines.map((line) => line.length)).size).toBe(1)
    const text = lines.join('\n')
    expect(text).toContain('http://localhost:8799/admin')
    expect(text).toContain('Email:     editor@localhost')
    expect(text).toContain('Password:  WzeeVV6e4zG2kBPayw5s')
    expect(text).toContain('shown only this once')
  })

  it('names no password when an editor already exists, and says when the server is not up', () => {
    const text = startBanner('8787', null, false)
    expect(text).toContain('http://localhost:8787/')
    expect(text).not.toContain('Password')
    expect(text).toContain('has not answered yet')
  })

  it('sums up wrangler’s migration tables in one line', () => {
    const applied = [
      ' ⛅️ wrangler 4.86.0',
      'Migrations to be applied:',
      '│ 0000_init.sql │',
      '? About to apply 12 migration(s)',
      '│ 0000_init.sql │ ✅ │',
    ].join('\n')
    expect(migrationsSummary(applied)).toBe('Local database: 12 migrations applied.')
    expect(migrationsSummary('? About to apply 1 migration(s)')).toBe(
      'Local database: 1 migration applied.',
    )
    expect(migrationsSummary('✅ No migrations to apply!')).toBe('Local database: up to date.')
  })
})
