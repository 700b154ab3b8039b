// The navigation admin: links can be dragged within their own list. The order is sent like the
// buttons' forms (a plain POST with the same CSRF rule); without JavaScript the buttons do it all.
;(() => {
  const lists = document.querySelectorAll('ol.nav-links')
  if (lists.length === 0) return
  const hint = document.getElementById('drag-hint')
  if (hint) hint.hidden = false
  let dragged = null

  for (const list of lists) {
    const items = () => [...list.children].filter((child) => child.matches('li[data-id]'))
    for (const item of items()) {
      item.draggable = true
      item.style.cursor = 'grab'
      item.addEventListener('dragstart', (event) => {
        event.stopPropagation()
        dragged = item
        event.dataTransfer.effectAllowed = 'move'
        event.dataTransfer.setData('text/plain', item.dataset.id)
      })
    }
    list.addEventListener('dragover', (event) => {
      if (!dragged || dragged.parentElement !== list) return
      event.preventDefault()
      const over = event.target.closest('li[data-id]')
      if (!over || over === dragged || over.parentElement !== list) return
      const box = over.getBoundingClientRect()
      list.insertBefore(dragged, event.clientY < box.top + box.height / 2 ? over : over.nextSibling)
    })
    list.addEventListener('drop', async (event) => {
      if (!dragged || dragged.parentElement !== list) return
      event.preventDefault()
      event.stopPropagation()
      dragged = null
      const menu = list.closest('ol[data-reorder]')
      const body = new URLSearchParams({ parent: list.dataset.parent ?? '' })
      for (const item of items()) body.append('order', item.dataset.id)
      const response = await fetch(menu.dataset.reorder, {
        method: 'POST',
        body,
        credentials: 'same-origin',
      })
      location.assign(response.ok || response.redirected ? response.url : location.href)
    })
    list.addEventListener('dragend', () => {
      dragged = null
    })
  }
})()
