// After "Load More Posts" is used from the keyboard, focus moves to the first new post's link
// (the link itself is replaced, and focus would otherwise fall back to the top of the page).
;(() => {
  let pending = null
  document.addEventListener('htmx:before:swap', (event) => {
    const link = event.target
    if (!(link instanceof Element) || !link.matches('a.load-more')) return
    const feed = link.closest('.feed')
    const hadFocus = document.activeElement === link
    pending = hadFocus && feed ? { feed, seen: feed.querySelectorAll('article').length } : null
  })
  document.addEventListener('htmx:after:swap', () => {
    if (!pending) return
    const { feed, seen } = pending
    pending = null
    const first = feed.querySelectorAll('article')[seen]?.querySelector('h2 a')
    first?.focus({ preventScroll: true })
  })
})()
