declare namespace Cloudflare {
  interface Env {
    TEST_MIGRATIONS: import('cloudflare:test').D1Migration[]
    TEST_IMAGES: ImagesBinding
    TEST_SITE_CSS: string
    TEST_EMAIL: SendEmail
  }
}

declare module '*?raw' {
  const text: string
  export default text
}
