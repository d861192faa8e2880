// Charts on uPlot (served from the jar: /ui/vendor/uPlot.iife.min.js, pinned through npm at build time).

import { el } from './format.js';

const MAX_POINTS = 20000;

function width(box) {
  return Math.max(260, (box.clientWidth || 600) - 8);
}

function observe(box, plot, height) {
  if (typeof ResizeObserver === 'undefined') return;
  let last = width(box);
  new ResizeObserver(() => {
    const w = width(box);
    if (Math.abs(w - last) > 4) { last = w; plot.setSize({ width: w, height }); }
  }).observe(box);
}

/** One channel's readings, appended live. Times are epoch ms; uPlot's x axis is seconds. */
export class LiveChart {
  constructor(container, channel, unitText) {
    this.channel = channel;
    this.xs = [];
    this.ys = [];
    this.box = el('div', { class: 'chart', 'data-channel': channel });
    container.append(this.box);
    const height = 160;
    this.plot = new uPlot({
      title: channel + (unitText ? ' (' + unitText + ')' : ''),
      width: width(this.box), height,
      series: [{}, { label: channel, stroke: '#2266aa', width: 1.5 }],
      axes: [{}, { size: 60 }],
      scales: { x: { time: true } },
      legend: { show: false },
    }, [this.xs, this.ys], this.box);
    observe(this.box, this.plot, height);
  }

  /** Replaces the data: points [[tMs, v], ...] in any order. */
  setPoints(points) {
    points.sort((a, b) => a[0] - b[0]);
    this.xs = points.map((p) => p[0] / 1000);
    this.ys = points.map((p) => p[1]);
    this.redraw();
  }

  /** Adds one reading (kept in time order; a repeated time replaces its value). */
  append(tMs, v) {
    const x = tMs / 1000;
    let i = this.xs.length;
    while (i > 0 && this.xs[i - 1] > x) i--;
    if (i > 0 && this.xs[i - 1] === x) {
      this.ys[i - 1] = v;
    } else {
      this.xs.splice(i, 0, x);
      this.ys.splice(i, 0, v);
    }
    if (this.xs.length > MAX_POINTS) {
      this.xs.splice(0, this.xs.length - MAX_POINTS);
      this.ys.splice(0, this.ys.length - MAX_POINTS);
    }
    this.redraw();
  }

  redraw() {
    this.plot.setData([this.xs, this.ys]);
    this.box.dataset.points = String(this.xs.length);
    this.box.dataset.last = this.ys.length ? String(this.ys[this.ys.length - 1]) : '';
  }

  destroy() {
    this.plot.destroy();
  }
}

/**
 * A forecast with its prediction band: series {t: [ms], actual: [v|null], mid: [v|null],
 * lo: [v|null], hi: [v|null]}; the band fills between hi and lo.
 */
export function bandChart(container, title, s, unitText) {
  const box = el('div', { class: 'chart band', 'data-chart': title });
  container.append(box);
  const height = 200;
  const plot = new uPlot({
    title,
    width: width(box), height,
    series: [
      {},
      { label: 'actual', stroke: '#333', width: 1.5, points: { show: false } },
      { label: 'forecast', stroke: '#2266aa', dash: [6, 4], width: 1.5, points: { show: false } },
      { label: 'low', stroke: 'rgba(34,102,170,0.4)', width: 1, points: { show: false } },
      { label: 'high', stroke: 'rgba(34,102,170,0.4)', width: 1, points: { show: false } },
    ],
    bands: [{ series: [4, 3], fill: 'rgba(34,102,170,0.15)' }],
    axes: [{}, { size: 60, label: unitText || '' }],
    scales: { x: { time: true } },
  }, [s.t.map((t) => t / 1000), s.actual, s.mid, s.lo, s.hi], box);
  observe(box, plot, height);
  return plot;
}
