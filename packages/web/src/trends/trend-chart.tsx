import { useMemo } from 'react';
import type uPlot from 'uplot';
import { UPlotChart } from '../ui/uplot-chart.js';
import type { TrendSeries } from './trend-series.js';

const palette = [
  '#2563eb',
  '#16a34a',
  '#db2777',
  '#ea580c',
  '#7c3aed',
  '#0891b2',
  '#ca8a04',
  '#dc2626',
  '#4b5563',
];

/** Score over time (overall bold, per type thin); clicking a point opens that run. */
export function TrendChart(props: { series: TrendSeries; onPick(runId: string): void }) {
  const { series, onPick } = props;
  const data = useMemo(() => [series.x, ...series.lines.map((l) => l.values)] as uPlot.AlignedData, [series]);
  const options = useMemo<Omit<uPlot.Options, 'width'>>(
    () => ({
      height: 320,
      scales: { y: { range: [0, 100] } },
      axes: [{}, { label: 'pass rate %', values: (_u, ticks) => ticks.map((t) => `${t}%`) }],
      series: [
        {},
        ...series.lines.map((line, i) => ({
          label: line.label,
          stroke: palette[i % palette.length] as string,
          width: i === 0 ? 3 : 1.5,
          points: { show: true, size: i === 0 ? 7 : 4 },
          spanGaps: false,
          value: (_u: uPlot, v: number | null) => (v === null ? '–' : `${v.toFixed(1)}%`),
        })),
      ],
      cursor: { focus: { prox: 16 } },
      hooks: {
        ready: [
          (u: uPlot) => {
            u.over.style.cursor = 'pointer';
            u.over.addEventListener('click', () => {
              const idx = u.cursor.idx;
              const runId = idx === null || idx === undefined ? undefined : series.runIds[idx];
              if (runId) onPick(runId);
            });
          },
        ],
      },
    }),
    [series, onPick],
  );
  return <UPlotChart options={options} data={data} label="Robustness over time per mutation type" />;
}
