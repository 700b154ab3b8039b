import { execFileSync } from 'node:child_process'

/** workerd, the one process Miniflare started below this one (benches read its CPU and memory). */
export function workerdPid(): number {
  const out = execFileSync('ps', ['-e', '-o', 'pid=,ppid=,comm='], { encoding: 'utf8' })
  const rows = out
    .trim()
    .split('\n')
    .map((line) => line.trim().split(/\s+/))
    .map(([pid, ppid, comm]) => ({ pid: Number(pid), ppid: Number(ppid), comm }))
  const mine = new Set([process.pid])
  // Descendants of this process, breadth first (npx or a shell may sit in between).
  for (let grew = true; grew;) {
    grew = false
    for (const row of rows)
      if (mine.has(row.ppid) && !mine.has(row.pid)) {
        mine.add(row.pid)
        grew = true
      }
  }
  const found = rows.find((row) => mine.has(row.pid) && row.comm.startsWith('workerd'))
  if (!found) throw new Error('no workerd process found below this one')
  return found.pid
}
