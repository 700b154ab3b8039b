/**
 * A `javascript:` link that opens this blog's share form with the current page's address, title,
 * selected text and declared language (`<html lang>`, known even when the page cannot be read). It navigates (rather than opening a window) so no pop-up blocker stops it.
 */
export function bookmarkletHref(origin: string): string {
  const code =
    `location.href=${JSON.stringify(`${origin}/admin/share?url=`)}` +
    '+encodeURIComponent(location.href)' +
    "+'&title='+encodeURIComponent(document.title)" +
    "+'&text='+encodeURIComponent(String(getSelection()))" +
    "+'&lang='+encodeURIComponent(document.documentElement.lang)"
  return `javascript:(function(){${code}})()`
}
