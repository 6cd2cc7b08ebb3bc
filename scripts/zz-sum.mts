import { summarizeProfile } from '../bench/profile/summarize-profile';
const s = summarizeProfile(process.argv[2]!);
console.log('wall', s.wallMs.toFixed(0), 'busy', s.busyMs.toFixed(0));
console.log('AREAS'); for (const a of s.areas.slice(0, 15)) console.log(a.selfMs.toFixed(0).padStart(7), a.area);
console.log('FUNCS'); for (const f of s.functions.slice(0, 45)) console.log(f.selfMs.toFixed(0).padStart(7), f.area.padEnd(20), f.fn);
console.log('APP'); for (const f of s.appInclusive.slice(0, 30)) console.log(f.totalMs.toFixed(0).padStart(7), f.fn);
