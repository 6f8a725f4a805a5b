// ECharts options of the dashboard, built from API rows; the text comes in from the page (i18n).
import type { BreakdownRow, TrendPoint } from '../../../../common/api/stats';
import { escapeHtml as escape } from '../../../../common/html-text';
import type { EChartsCoreOption } from './echarts';

const axisText = '#6b7280';
const splitLine = { lineStyle: { color: '#eef0f3' } };
const tooltipBase = {
  backgroundColor: 'rgba(255,255,255,0.97)',
  borderColor: '#e5e7eb',
  borderWidth: 1,
  textStyle: { color: '#1f2937', fontSize: 12 },
  extraCssText: 'box-shadow: 0 4px 14px rgba(0,0,0,0.08); border-radius: 6px;',
};
const percent = (value: number | null) => (value === null ? null : Math.round(value * 1000) / 10);

export interface TrendText {
  received: string;
  responseRate: string;
  satisfactionRate: string;
  closureRate: string;
  period: (period: string) => string;
  axisPeriod: (period: string) => string;
  count: (n: number) => string;
  rate: (value: number | null) => string;
}

export const rateSeriesColors = {
  responseRate: '#0891b2',
  satisfactionRate: '#16a34a',
  closureRate: '#f59e0b',
} as const;

export function trendOption(points: TrendPoint[], text: TrendText, narrow: boolean): EChartsCoreOption {
  const many = points.length > (narrow ? 14 : 40);
  const sparse = points.length > 0 && points.reduce((sum, p) => sum + p.received, 0) / points.length < 10;
  const rateLine = (key: keyof typeof rateSeriesColors) => ({
    name: text[key],
    type: 'line',
    yAxisIndex: 1,
    smooth: true,
    showSymbol: !many,
    symbolSize: 5,
    connectNulls: false,
    lineStyle: { width: 2 },
    itemStyle: { color: rateSeriesColors[key] },
    data: points.map((p) => percent(p[key])),
  });
  const rates = points
    .flatMap((p) => [p.responseRate, p.satisfactionRate, p.closureRate])
    .filter((v): v is number => v !== null);
  const minRate = rates.length ? Math.max(0, Math.floor((Math.min(...rates) * 100) / 10) * 10 - 10) : 0;
  return {
    animationDuration: 600,
    color: ['#5b8ff9'],
    grid: { left: 8, right: 8, top: 40, bottom: 4, containLabel: true },
    legend: {
      top: 0,
      left: 0,
      itemWidth: 14,
      itemHeight: 8,
      icon: 'roundRect',
      textStyle: { color: axisText, fontSize: 12 },
      // Rates of a handful of cases jump between 0 and 100 %: shown only on request then.
      selected: sparse ? { [text.responseRate]: false, [text.satisfactionRate]: false, [text.closureRate]: false } : {},
    },
    tooltip: {
      ...tooltipBase,
      trigger: 'axis',
      axisPointer: { type: 'shadow', shadowStyle: { color: 'rgba(31,111,235,0.06)' } },
      formatter: (params: { dataIndex: number; marker: string; seriesName: string; seriesIndex: number }[]) => {
        const point = points[params[0]?.dataIndex ?? 0];
        if (!point) return '';
        const lines = params.map((p) => {
          const value =
            p.seriesIndex === 0
              ? text.count(point.received)
              : text.rate(
                  point[(['received', 'satisfactionRate', 'closureRate', 'responseRate'] as const)[p.seriesIndex]] as
                    number | null,
                );
          return `${p.marker}${escape(p.seriesName)}<span style="float:right;margin-left:20px;font-weight:600">${escape(value)}</span>`;
        });
        return `<div style="margin-bottom:4px;font-weight:600">${escape(text.period(point.period))}</div>${lines.join('<br>')}`;
      },
    },
    xAxis: {
      type: 'category',
      data: points.map((p) => text.axisPeriod(p.period)),
      axisTick: { show: false },
      axisLine: { lineStyle: { color: '#d1d5db' } },
      axisLabel: { color: axisText, fontSize: 11, hideOverlap: true },
    },
    yAxis: [
      {
        type: 'value',
        minInterval: 1,
        splitNumber: narrow ? 3 : 4,
        axisLabel: { color: axisText, fontSize: 11 },
        splitLine,
      },
      {
        type: 'value',
        min: minRate,
        max: 100,
        splitNumber: narrow ? 3 : 4,
        axisLabel: { color: axisText, fontSize: 11, formatter: '{value}%' },
        splitLine: { show: false },
      },
    ],
    series: [
      {
        name: text.received,
        type: 'bar',
        barMaxWidth: 26,
        cursor: 'pointer',
        itemStyle: { color: '#5b8ff9', borderRadius: [3, 3, 0, 0] },
        emphasis: { itemStyle: { color: '#1f6feb' } },
        data: points.map((p) => p.received),
      },
      rateLine('satisfactionRate'),
      rateLine('closureRate'),
      rateLine('responseRate'),
    ],
  };
}

export interface BreakdownText {
  count: (n: number) => string;
  rate: (value: number | null) => string;
  share: (value: string) => string;
  satisfaction: string;
  closure: string;
}

export const categoryPalette = ['#1f6feb', '#3b82f6', '#60a5fa', '#93c5fd', '#a5b4fc', '#c4b5fd', '#cbd5e1', '#e2e8f0'];

/** Top-level categories as horizontal bars, the largest on top. */
/** Roughly how wide a label is drawn at 12 px (CJK about 12 px a character, Latin about 6.8). */
const labelWidth = (text: string) =>
  [...text].reduce((width, c) => width + (/[\u2e80-\uffff]/.test(c) ? 12.5 : 6.8), 0);

export function categoryOption(rows: (BreakdownRow & { label: string })[], text: BreakdownText): EChartsCoreOption {
  const total = rows.reduce((sum, row) => sum + row.received, 0);
  const axisWidth = Math.min(130, Math.max(40, ...rows.map((row) => Math.ceil(labelWidth(row.label)))));
  return {
    animationDuration: 600,
    grid: { left: 4, right: 48, top: 4, bottom: 4, containLabel: true },
    tooltip: {
      ...tooltipBase,
      trigger: 'item',
      formatter: (p: { dataIndex: number }) => {
        const row = rows[p.dataIndex];
        return [
          `<div style="margin-bottom:4px;font-weight:600">${escape(row.label)}</div>`,
          `${escape(text.count(row.received))} · ${escape(text.share(text.rate(total ? row.received / total : null)))}`,
          `${escape(text.satisfaction)} ${escape(text.rate(row.satisfactionRate))} · ${escape(text.closure)} ${escape(text.rate(row.closureRate))}`,
        ].join('<br>');
      },
    },
    xAxis: { type: 'value', show: false },
    yAxis: {
      type: 'category',
      inverse: true,
      data: rows.map((row) => row.label),
      axisTick: { show: false },
      axisLine: { show: false },
      axisLabel: { color: '#374151', fontSize: 12, width: axisWidth, overflow: 'truncate' },
    },
    series: [
      {
        type: 'bar',
        barMaxWidth: 16,
        cursor: 'pointer',
        showBackground: true,
        backgroundStyle: { color: '#f3f4f6', borderRadius: 8 },
        itemStyle: {
          borderRadius: 8,
          color: (p: { dataIndex: number }) => categoryPalette[Math.min(p.dataIndex, categoryPalette.length - 1)],
        },
        label: {
          show: true,
          position: 'right',
          color: '#374151',
          fontSize: 12,
          formatter: (p: { value: number }) => String(p.value),
        },
        data: rows.map((row) => row.received),
      },
    ],
  };
}

/** Channels as a ring with the total in the middle. */
export function channelOption(
  rows: (BreakdownRow & { label: string; color: string })[],
  text: BreakdownText & { total: string },
  narrow: boolean,
): EChartsCoreOption {
  const total = rows.reduce((sum, row) => sum + row.received, 0);
  const withCount = (name: string) => {
    const row = rows.find((r) => r.label === name);
    return row ? `${name}  ${row.received}` : name;
  };
  return {
    animationDuration: 600,
    title: {
      text: String(total),
      subtext: text.total,
      left: narrow ? '50%' : '33%',
      top: narrow ? '37%' : '38%',
      textAlign: 'center',
      itemGap: 4,
      textStyle: { fontSize: 22, fontWeight: 600, color: '#1f2937' },
      subtextStyle: { fontSize: 12, color: axisText },
    },
    tooltip: {
      ...tooltipBase,
      trigger: 'item',
      formatter: (p: { dataIndex: number; marker: string }) => {
        const row = rows[p.dataIndex];
        return `${p.marker}${escape(row.label)}<br>${escape(text.count(row.received))} · ${escape(text.share(text.rate(total ? row.received / total : null)))}<br>${escape(text.satisfaction)} ${escape(text.rate(row.satisfactionRate))}`;
      },
    },
    legend: narrow
      ? {
          bottom: 0,
          left: 'center',
          itemWidth: 10,
          itemHeight: 10,
          icon: 'circle',
          textStyle: { color: '#374151', fontSize: 12 },
          formatter: withCount,
        }
      : {
          orient: 'vertical',
          right: 4,
          top: 'middle',
          itemWidth: 10,
          itemHeight: 10,
          itemGap: 12,
          icon: 'circle',
          textStyle: { color: '#374151', fontSize: 12 },
          formatter: withCount,
        },
    series: [
      {
        type: 'pie',
        radius: narrow ? ['44%', '66%'] : ['46%', '68%'],
        center: narrow ? ['50%', '44%'] : ['33%', '50%'],
        cursor: 'pointer',
        avoidLabelOverlap: true,
        label: { show: false },
        labelLine: { show: false },
        itemStyle: { borderColor: '#fff', borderWidth: 2 },
        emphasis: { scale: true, scaleSize: 4 },
        data: rows.map((row) => ({ name: row.label, value: row.received, itemStyle: { color: row.color } })),
      },
    ],
  };
}
