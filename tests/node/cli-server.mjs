// Shared by the gateway and proxy tests: run `qimen-payload <command> …` (the installed package's CLI) as a
// process and wait for the URL it says it listens on.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';

export const cli = createRequire(import.meta.url).resolve('qimen-payload/package.json').replace(/package\.json$/, 'pkg/cli.mjs');

/** `{ url, child, stderr() }` once the server printed "listening on URL". */
export async function startCli(args, env = process.env) {
  const child = spawn(process.execPath, [cli, ...args], { env });
  let stderr = '';
  child.stderr.on('data', (d) => { stderr += d; });
  const url = await new Promise((resolve, reject) => {
    child.stdout.on('data', (d) => {
      const m = /listening on (http:\/\/[\d.:]+)/.exec(String(d));
      if (m) resolve(m[1]);
    });
    child.once('exit', (code) => reject(new Error(`${args[0]} exited ${code}: ${stderr}`)));
  });
  return { url, child, stderr: () => stderr };
}
