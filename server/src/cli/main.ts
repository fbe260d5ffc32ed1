// Entry of the `isms-check` bin: only process wiring.
import { run } from './run';

declare const PACKAGE_VERSION: string;

let code: number;
try {
  code = run(process.argv.slice(2), {
    cwd: process.cwd(),
    stdout: (s) => process.stdout.write(s),
    stderr: (s) => process.stderr.write(s),
    colour: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR,
    version: typeof PACKAGE_VERSION === 'string' ? PACKAGE_VERSION : '0.0.0',
  });
} catch (e) {
  process.stderr.write(`isms-check: internal error: ${(e as Error)?.message ?? String(e)}\n`);
  code = 2;
}
process.exitCode = code;
