/**
 * A bar chart drawn with uPlot: one bar a group, its labels under the bars. The numbers are in
 * the table beside it too, so the chart is a picture (`role="img"` with a summary) and a
 * screen reader reads the table.
 */
import { useEffect, useRef, useState } from 'react'
import uPlot from 'uplot'
import 'uplot/dist/uPlot.min.css'

interface BarChartProps {
  title: string
  labels: readonly string[]
  /** One value a label, in `unit`; null where there is none (no case resolved yet). */
  values: readonly (number | null)[]
  /** What the values count, shown after each number: `min`, `h`, or '' for a plain count. */
  unit: string
}

const HEIGHT = 220

export function BarChart({ title, labels, values, unit }: BarChartProps): React.JSX.Element {
  const holder = useRef<HTMLDivElement>(null)
  const theme = useThemeChanges()
  useEffect(() => {
    const element = holder.current
    if (!element) return
    // The page's own text colour, so the chart follows light and dark mode.
    const ink = getComputedStyle(element).color
    const format = (value: number): string => (unit === '' ? String(value) : `${value} ${unit}`)
    const bars = uPlot.paths.bars?.({ size: [0.6, 64] })
    const chart = new uPlot(
      {
        width: Math.max(280, element.clientWidth),
        height: HEIGHT,
        legend: { show: false },
        cursor: { show: false },
        scales: {
          x: { time: false, range: [-0.5, labels.length - 0.5] },
          y: { range: (_, __, max) => [0, Math.max(1, max * 1.1)] },
        },
        axes: [
          {
            stroke: ink,
            grid: { show: false },
            ticks: { show: false },
            splits: () => labels.map((_, index) => index),
            // As many letters as fit under a bar; the full names are in the table.
            values: (plot, splits) => {
              const slot = plot.bbox.width / devicePixelRatio / Math.max(1, labels.length)
              const letters = Math.max(3, Math.floor(slot / 7))
              return splits.map((index) => shorten(labels[index] ?? '', letters))
            },
          },
          {
            stroke: ink,
            size: 64,
            grid: { stroke: 'rgba(128, 128, 128, 0.25)' },
            // Whole steps only: "1.5 cases" means nothing.
            incrs: unit === '' ? [1, 2, 5, 10, 20, 50, 100, 200, 500] : undefined,
            values: (_, splits) => splits.map((value) => format(value)),
          },
        ],
        series: [
          {},
          {
            label: title,
            fill: 'rgba(37, 99, 235, 0.75)',
            stroke: 'rgb(37, 99, 235)',
            ...(bars ? { paths: bars } : {}),
            points: { show: false },
          },
        ],
      },
      [labels.map((_, index) => index), values.map((value) => value ?? null)],
      element,
    )
    const resize = new ResizeObserver(() => {
      chart.setSize({ width: Math.max(280, element.clientWidth), height: HEIGHT })
    })
    resize.observe(element)
    return () => {
      resize.disconnect()
      chart.destroy()
    }
  }, [labels, values, unit, title, theme])
  return (
    <figure className="bar-chart">
      <figcaption className="bar-chart__title">{title}</figcaption>
      <div
        ref={holder}
        className="bar-chart__plot"
        role="img"
        aria-label={summary(title, labels, values, unit)}
      />
    </figure>
  )
}

/**
 * Counts the page's theme changes (light or dark, `<html data-theme>`): the canvas is drawn in
 * the colours of the moment, so it is drawn again when they change.
 */
function useThemeChanges(): number {
  const [changes, setChanges] = useState(0)
  useEffect(() => {
    const observer = new MutationObserver(() => setChanges((count) => count + 1))
    observer.observe(document.documentElement, {
      attributes: true,
      attributeFilter: ['data-theme'],
    })
    return () => observer.disconnect()
  }, [])
  return changes
}

function shorten(label: string, letters: number): string {
  return label.length > letters ? `${label.slice(0, letters - 1)}…` : label
}

function summary(
  title: string,
  labels: readonly string[],
  values: readonly (number | null)[],
  unit: string,
): string {
  const parts = labels.map((label, index) => {
    const value = values[index]
    if (value === null || value === undefined) return `${label}: none`
    return `${label}: ${unit === '' ? value : `${value} ${unit}`}`
  })
  return `${title}. ${parts.join('; ')}`
}
