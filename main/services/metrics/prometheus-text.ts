/**
 * The Prometheus text exposition of a metrics snapshot, written by prom-client into a fresh Registry for each
 * scrape: a gauge read from the mirror must not keep a series the mirror no longer has (a workspace renamed or
 * archived, a verdict no key has any more), which a long-lived registry would go on serving until told to forget it.
 * The only state that outlives a scrape, this process's request count, is handed in as a number.
 */
import { Counter, Gauge, Registry } from 'prom-client';
import type { MetricFamily } from './metric-families';

export interface PrometheusText {
  contentType: string;
  body: string;
}

export async function renderPrometheusText(families: readonly MetricFamily[]): Promise<PrometheusText> {
  const registry = new Registry();
  for (const family of families) {
    const options = {
      name: family.name,
      help: family.help,
      labelNames: [...family.labelNames],
      registers: [registry],
    };
    if (family.type === 'counter') {
      const counter = new Counter(options);
      for (const sample of family.samples) counter.inc(sample.labels, sample.value);
    } else {
      const gauge = new Gauge(options);
      for (const sample of family.samples) gauge.set(sample.labels, sample.value);
    }
  }
  return { contentType: registry.contentType, body: await registry.metrics() };
}
