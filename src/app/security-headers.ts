import { secureHeaders } from 'hono/secure-headers'
import { SITE_CSS_HASH } from '../ui/site-css'

/** Everything a page uses comes from this origin: no CDN, no font host, no analytics beacon. */
export const securityHeaders = secureHeaders({
  contentSecurityPolicy: {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'"],
    // The stylesheet inside every page, by its hash: never 'unsafe-inline'.
    styleSrc: ["'self'", SITE_CSS_HASH],
    // data: for the site's own icon only: post images are limited to https and this origin by
    // the sanitizer (lib/markdown.ts).
    imgSrc: ["'self'", 'data:'],
    fontSrc: ["'self'"],
    connectSrc: ["'self'"],
    objectSrc: ["'none'"],
    baseUri: ["'self'"],
    formAction: ["'self'"],
    frameAncestors: ["'none'"],
  },
  permissionsPolicy: {
    camera: [],
    microphone: [],
    geolocation: [],
    browsingTopics: [],
  },
})
