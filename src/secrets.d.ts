// Secrets are not in wrangler.toml, so `wrangler types` cannot see them: `wrangler secret put
// AUTH_PEPPER` in production, `.dev.vars` locally (written by `npm start`).
declare namespace Cloudflare {
  interface Env {
    AUTH_PEPPER: string
  }
}
