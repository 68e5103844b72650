// The legend of the line charts (code, evidence): with Chart.js, so loaded
// with the charts that use it, after a view's numbers.
import { Chart } from 'chart.js';

/**
 * A legend of short lines, each dashed as its dataset is on the chart, so the
 * lines are told apart without colour too. (With point styles Chart.js
 * styles a legend item from the dataset's points, which have no dash.)
 */
export function lineLegend(palette) {
  const { generateLabels } = Chart.defaults.plugins.legend.labels;
  return {
    labels: {
      color: palette.text, usePointStyle: true, pointStyle: 'line', pointStyleWidth: 30, font: { size: 11 },
      generateLabels: (chart) => generateLabels(chart).map((item) => ({
        ...item, lineDash: chart.data.datasets[item.datasetIndex]?.borderDash ?? [],
      })),
    },
  };
}
