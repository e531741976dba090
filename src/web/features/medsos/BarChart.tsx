/**
 * A horizontal bar chart in SVG, drawn from the figures it is given and followed by the same figures
 * as text, so a screen reader and a printout read the numbers (no chart library for a few bars).
 */
export function BarChart({ title, bars }: { title: string; bars: { label: string; value: number }[] }) {
  const max = Math.max(1, ...bars.map((b) => b.value));
  const rowHeight = 26;
  const labelWidth = 130;
  const width = 340;
  return (
    <figure className="bar-chart" style={{ margin: 0 }}>
      <figcaption>
        <strong>{title}</strong>
      </figcaption>
      <svg
        viewBox={`0 0 ${width} ${bars.length * rowHeight}`}
        width="100%"
        role="img"
        aria-label={`${title}: ${bars.map((b) => `${b.label} ${b.value}`).join(', ')}`}
        style={{ maxWidth: 520 }}
      >
        {bars.map((bar, i) => {
          const barWidth = ((width - labelWidth - 36) * bar.value) / max;
          const y = i * rowHeight;
          return (
            <g key={bar.label}>
              <text x={0} y={y + 17} fontSize="12" fill="currentColor">
                {bar.label.length > 20 ? `${bar.label.slice(0, 19)}…` : bar.label}
              </text>
              <rect x={labelWidth} y={y + 5} width={barWidth} height={16} fill="#1f5fa8" rx="2" />
              <text x={labelWidth + barWidth + 4} y={y + 17} fontSize="12" fill="currentColor">
                {bar.value}
              </text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}
