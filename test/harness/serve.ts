/**
 * `npm run harness [-- --port N] [--size demo|mid|large] [--empty]`: serves the built renderer with the
 * demo org on 127.0.0.1 and prints its URL. Ctrl-C stops it.
 */
import { parseArgs } from 'node:util';
import { startHarness } from './server';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '0' },
      size: { type: 'string', default: 'demo' },
      empty: { type: 'boolean', default: false },
    },
  });
  const size = values.size as 'demo' | 'mid' | 'large';
  if (!['demo', 'mid', 'large'].includes(size)) throw new Error(`--size must be demo, mid or large, not ${size}`);
  const harness = await startHarness({ port: Number(values.port), size, empty: values.empty });
  process.stdout.write(`Clade Admin web harness: ${harness.url}\n`);
  const stop = (): void => {
    void harness.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`harness failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
