/**
 * The metrics as plain data: each family's name, help, type and samples. The snapshot (metrics-snapshot.ts) fills
 * them from the read models; the Prometheus renderer (prometheus-text.ts) only formats them. Kept apart so tests can
 * read a figure without parsing the text format, and so nothing here knows prom-client.
 */
export type MetricType = 'gauge' | 'counter';

export interface MetricSample {
  labels: Record<string, string>;
  value: number;
}

export interface MetricFamily {
  name: string;
  help: string;
  type: MetricType;
  labelNames: readonly string[];
  samples: MetricSample[];
}

/** Builds a family whose samples with the same labels add up (e.g. keys counted per workspace × status × verdict). */
export class FamilyBuilder {
  private readonly values = new Map<string, MetricSample>();

  constructor(
    private readonly name: string,
    private readonly help: string,
    private readonly labelNames: readonly string[],
    private readonly type: MetricType = 'gauge',
  ) {}

  add(labels: Record<string, string>, value: number): this {
    const key = JSON.stringify(this.labelNames.map((name) => labels[name] ?? ''));
    const found = this.values.get(key);
    if (found) found.value += value;
    else this.values.set(key, { labels: { ...labels }, value });
    return this;
  }

  /** Sets a sample outright (the last one wins): a fact with one value, e.g. a limit. */
  set(labels: Record<string, string>, value: number): this {
    const key = JSON.stringify(this.labelNames.map((name) => labels[name] ?? ''));
    this.values.set(key, { labels: { ...labels }, value });
    return this;
  }

  build(): MetricFamily {
    return {
      name: this.name,
      help: this.help,
      type: this.type,
      labelNames: this.labelNames,
      samples: [...this.values.values()],
    };
  }
}

/** Money leaves the mirror as BigInt nanocents (1e-9 cent); Prometheus wants base units as floats: dollars. */
export function nanocentsToUsd(nanocents: bigint): number {
  const perDollar = 100_000_000_000n;
  // Whole dollars and the remainder apart, so a large amount keeps every cent a double can hold.
  return Number(nanocents / perDollar) + Number(nanocents % perDollar) / 1e11;
}
