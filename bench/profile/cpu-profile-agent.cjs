// Preloaded into the server under profile (`node --require`, bench/profile/run-profile.ts) when
// BENCH_CPU_PROFILE_DIR is set: SIGUSR2 starts V8's sampling profiler in this process, the next
// SIGUSR2 stops it and writes <dir>/<pid>-<ms>.cpuprofile (Chrome DevTools' format). Unlike
// `node --cpu-prof`, which covers the whole life of the process, the profile then holds exactly
// the measured load: no start-up, no module compilation, no warm-up.
'use strict';
/* eslint-disable @typescript-eslint/no-require-imports -- a CommonJS file, preloaded with --require */
const { Session } = require('node:inspector');
const { renameSync, writeFileSync } = require('node:fs');
const path = require('node:path');

const dir = process.env.BENCH_CPU_PROFILE_DIR;
if (dir) {
  const session = new Session();
  session.connect();
  const post = (method, params) =>
    new Promise((resolve, reject) => session.post(method, params, (error, result) => (error ? reject(error) : resolve(result))));
  let running = false;
  process.on('SIGUSR2', () => {
    const step = running
      ? post('Profiler.stop').then(({ profile }) => {
          running = false;
          // Written aside, then renamed: the driver never reads half a file.
          const file = path.join(dir, `${process.pid}-${Date.now()}.cpuprofile`);
          writeFileSync(`${file}.partial`, JSON.stringify(profile));
          renameSync(`${file}.partial`, file);
        })
      : post('Profiler.enable')
          .then(() => post('Profiler.setSamplingInterval', { interval: Number(process.env.BENCH_CPU_PROFILE_INTERVAL_US || 250) }))
          .then(() => post('Profiler.start'))
          .then(() => {
            running = true;
          });
    step.catch((error) => console.error('cpu-profile-agent:', error));
  });
}
