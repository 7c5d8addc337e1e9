import { processIO } from './io';
import { runCli } from './run';

// The `clade-admin` bin (built to out/main/cli.js).
runCli(process.argv.slice(2), processIO()).then(
  (code) => {
    process.exitCode = code;
  },
  () => {
    process.exitCode = 1;
  },
);
