// Secrets are not in wrangler.toml, so `wrangler types` cannot see them: `wrangler secret put
// AUTH_PEPPER` in production, `.dev.vars` locally (written by `npm start`).
declare namespace Cloudflare {
  interface Env {
    AUTH_PEPPER: string
  }
}

// Local development only (see src/lib/safe-fetch/allowed-hosts.ts); not in wrangler.toml on purpose.
declare namespace Cloudflare {
  interface Env {
    CURATION_ALLOW_HOSTS?: string
  }
}
