import { chmod, lstat, mkdtemp, readdir, readlink, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postgresUser, serverMajorVersion } from './pg-process';
import { installRuntime, packagedRuntime } from './pg-runtime';

/** The copy of PostgreSQL's binaries the `postgres` user runs as root (lib/db/pg-runtime.ts). */
let root: string;

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'pg-runtime-'));
  await chmod(root, 0o755);
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('the PostgreSQL runtime copy', () => {
  it('starters copying at once all end with the one complete copy, runnable by the postgres user, symlinks kept', async () => {
    const packaged = await packagedRuntime();
    const copies = await Promise.all([1, 2, 3].map(() => installRuntime(packaged, path.join(root, 'runtime'))));
    expect(new Set(copies.map((copy) => copy.dir)).size).toBe(1);
    const [copy] = copies;
    expect(path.basename(copy!.dir)).toBe(`${process.platform}-${process.arch}-${packaged.version}`);
    expect(await readdir(path.join(root, 'runtime'))).toEqual([path.basename(copy!.dir)]); // no staging left behind
    expect((await lstat(copy!.dir)).mode & 0o777).toBe(0o755);
    expect(await serverMajorVersion(copy!.dir, await postgresUser())).toBe(packaged.version.split('.')[0]);
    const link = path.join(copy!.dir, 'lib', 'libpq.so');
    expect((await lstat(link)).isSymbolicLink()).toBe(true);
    expect(await readlink(link)).toBe(await readlink(path.join(packaged.dir, 'lib', 'libpq.so')));
  }, 120_000);

  it('a new package version gets a copy of its own; the same version is not copied again', async () => {
    const packaged = await packagedRuntime();
    const runtimeRoot = path.join(root, 'runtime');
    const before = await lstat(path.join(runtimeRoot, `${process.platform}-${process.arch}-${packaged.version}`, 'bin', 'postgres'));
    await installRuntime(packaged, runtimeRoot);
    const again = await lstat(path.join(runtimeRoot, `${process.platform}-${process.arch}-${packaged.version}`, 'bin', 'postgres'));
    expect(again.ino).toBe(before.ino);
    const upgraded = await installRuntime({ ...packaged, version: '99.0.0' }, runtimeRoot);
    expect(path.basename(upgraded.dir)).toBe(`${process.platform}-${process.arch}-99.0.0`);
    expect((await readdir(runtimeRoot)).sort()).toEqual([`${process.platform}-${process.arch}-${packaged.version}`, `${process.platform}-${process.arch}-99.0.0`].sort());
  }, 120_000);
});
