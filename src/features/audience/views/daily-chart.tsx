import type { DailyRow } from '../queries'

const WIDTH = 720
const HEIGHT = 220
const PAD = { top: 16, right: 12, bottom: 28, left: 44 }

type DailyChartProps = {
  rows: DailyRow[]
  title: string
  summary: string
  viewsLabel: string
  visitorsLabel: string
}

/**
 * Views as bars and unique visitors as a line, drawn on the server as plain SVG: no chart script.
 * The table beside it carries the same numbers for screen readers.
 */
export function DailyChart({ rows, title, summary, viewsLabel, visitorsLabel }: DailyChartProps) {
  const max = Math.max(1, ...rows.map((row) => Math.max(row.views, row.visitors)))
  const plotWidth = WIDTH - PAD.left - PAD.right
  const plotHeight = HEIGHT - PAD.top - PAD.bottom
  const step = plotWidth / Math.max(1, rows.length)
  const y = (value: number) => PAD.top + plotHeight - (value / max) * plotHeight
  const barWidth = Math.max(1, step * 0.7)
  const line = rows
    .map((row, i) => `${(PAD.left + i * step + step / 2).toFixed(1)},${y(row.visitors).toFixed(1)}`)
    .join(' ')
  return (
    <figure class="daily-chart">
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="img"
        aria-label={`${title}. ${summary}`}
        xmlns="http://www.w3.org/2000/svg"
      >
        <line x1={PAD.left} x2={WIDTH - PAD.right} y1={y(0)} y2={y(0)} class="axis" />
        <text x={PAD.left - 6} y={y(max) + 4} text-anchor="end" class="tick">
          {max}
        </text>
        <text x={PAD.left - 6} y={y(0) + 4} text-anchor="end" class="tick">
          0
        </text>
        {rows.map((row, i) => (
          <rect
            class="bar"
            x={(PAD.left + i * step + (step - barWidth) / 2).toFixed(1)}
            y={y(row.views).toFixed(1)}
            width={barWidth.toFixed(1)}
            height={(y(0) - y(row.views)).toFixed(1)}
          >
            <title>{`${row.day}: ${row.views} ${viewsLabel}, ${row.visitors} ${visitorsLabel}`}</title>
          </rect>
        ))}
        {rows.length > 1 && <polyline class="visitors-line" points={line} fill="none" />}
        {rows.length > 0 && (
          <>
            <text x={PAD.left} y={HEIGHT - 8} class="tick">
              {rows[0].day}
            </text>
            <text x={WIDTH - PAD.right} y={HEIGHT - 8} text-anchor="end" class="tick">
              {rows[rows.length - 1].day}
            </text>
          </>
        )}
      </svg>
      <figcaption>
        <span class="legend legend-views">{viewsLabel}</span>{' '}
        <span class="legend legend-visitors">{visitorsLabel}</span>
      </figcaption>
    </figure>
  )
}
