// Reader pages work without JavaScript; htmx only enhances them (Load More, live search). It is
// fetched once the page has been painted, so it never delays the first sight of the content.
;(() => {
  const htmxSrc = document.currentScript.dataset.htmx
  const loadHtmx = () => {
    const script = document.createElement('script')
    script.src = htmxSrc
    document.head.append(script)
  }
  const painted = (list, observer) => {
    if (!list.getEntriesByName('first-contentful-paint').length) return
    observer.disconnect()
    loadHtmx()
  }
  if (PerformanceObserver.supportedEntryTypes?.includes('paint'))
    new PerformanceObserver(painted).observe({ type: 'paint', buffered: true })
  else addEventListener('load', loadHtmx, { once: true })

  // After "Load More Posts" is used from the keyboard, focus moves to the first new post's link
  // (the link itself is replaced, and focus would otherwise fall back to the top of the page).
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
