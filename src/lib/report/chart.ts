// Geometry of the trend charts (bar charts drawn as SVG at build time: no script, no style
// attribute) and the table of numbers shown beside each chart. Pure: the pages render what this
// returns.
import type { TrendChart } from './collection.ts';
import type { Cell, TableModel } from './tables.ts';

/** Chart units: 16 units are 1 em of the surrounding text, so the chart grows with the text size. */
export const UNITS_PER_EM = 16;

const SLOT = 56; // width per year
const BAR = 30;
const PAD = 8;
const TOP = 24; // room for the value above the tallest bar
const PLOT = 100; // height of the tallest bar
const BASE = TOP + PLOT; // the baseline's y
const HEIGHT = BASE + 26; // year labels below the baseline

export interface Bar {
  year: number;
  /** The value as shown ('无数据' when there is none). */
  label: string;
  /** Centre of the year's slot. */
  cx: number;
  /** The bar's rectangle; height 0 for 0 and for no value. */
  x: number;
  y: number;
  width: number;
  height: number;
  /** Where the value label sits (above the bar). */
  labelY: number;
  missing: boolean;
}

export interface BarChartLayout {
  width: number;
  height: number;
  baseline: number;
  yearY: number;
  bars: Bar[];
}

/** Bars of one series over `years`, scaled so that `max` (the chart's largest value) is PLOT high. */
export function barChart(years: number[], values: (number | undefined)[], max: number): BarChartLayout {
  const width = PAD * 2 + SLOT * years.length;
  const bars = years.map((year, i): Bar => {
    const v = values[i];
    const cx = PAD + SLOT * i + SLOT / 2;
    const height = v === undefined || max <= 0 ? 0 : Math.round((Math.max(0, v) / max) * PLOT * 10) / 10;
    return {
      year,
      label: v === undefined ? '无数据' : String(v),
      cx,
      x: cx - BAR / 2,
      y: BASE - height,
      width: BAR,
      height,
      labelY: BASE - height - 6,
      missing: v === undefined,
    };
  });
  return { width, height: HEIGHT, baseline: BASE, yearY: BASE + 19, bars };
}

/** The largest value of a chart's series (its bars share one scale). */
export function chartMax(chart: TrendChart): number {
  return Math.max(0, ...chart.series.flatMap((s) => s.values.filter((v): v is number => v !== undefined)));
}

/** An SVG length in em for a number of chart units. */
export const em = (units: number) => `${Math.round((units / UNITS_PER_EM) * 1000) / 1000}em`;

/** The accessible name of one series' chart: its label, unit and every year's value. */
export function seriesName(label: string, unit: string, years: number[], values: (number | undefined)[]): string {
  const parts = years.map((y, i) => `${y}年 ${values[i] === undefined ? '无数据' : values[i]}`);
  return `${label}（${unit}）柱状图：${parts.join('，')}`;
}

/** The numbers of a chart as a table (a simple one: `scope` suffices): one row per series, one column per year. */
export function trendTableModel(chart: TrendChart, years: number[], prefix: string): TableModel {
  const head: Cell[][] = [
    [
      { tag: 'th', text: '项目', scope: 'col' },
      ...years.map((y): Cell => ({ tag: 'th', text: `${y}年`, scope: 'col' })),
    ],
  ];
  const rows = chart.series.map((s): Cell[] => [
    { tag: 'th', text: s.label, scope: 'row' },
    ...years.map((_, i): Cell => {
      const v = s.values[i];
      return v === undefined ? { tag: 'td', text: '无数据' } : { tag: 'td', text: String(v), numeric: true };
    }),
  ]);
  return {
    key: `trend-${chart.id}`,
    id: prefix,
    caption: `${chart.title}（单位：${chart.unit}）`,
    head,
    bodies: [rows],
  };
}
