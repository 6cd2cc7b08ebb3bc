import { readdir, readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { ISOLATED_UNIT_TESTS, LEAKS_WITHOUT_ISOLATION, UNIT_TEST_FOLDERS } from './isolated-unit-tests';

const leaks = (text: string) => LEAKS_WITHOUT_ISOLATION.some((pattern) => pattern.test(text));

describe('unit tests that share modules', () => {
  it('every file that mocks modules or writes the environment is in ISOLATED_UNIT_TESTS', async () => {
    const leaking: string[] = [];
    for (const folder of UNIT_TEST_FOLDERS) {
      for (const name of await readdir(folder, { recursive: true })) {
        const file = `${folder}/${name}`;
        if (!file.endsWith('.test.ts') || file.endsWith('.int.test.ts') || file === 'tests/unit/isolated-unit-tests.test.ts') continue;
        if (leaks(await readFile(file, 'utf8'))) leaking.push(file);
      }
    }
    expect(leaking.sort()).toEqual([...ISOLATED_UNIT_TESTS].sort());
  });

  it('recognises what leaks and what does not', () => {
    expect(leaks("vi.mock('@/lib/auth/guard', () => ({}))")).toBe(true);
    expect(leaks("process.env.LOG_LEVEL = 'WARN';")).toBe(true);
    expect(leaks("process.env.NEXTAUTH_SECRET ??= 'x';")).toBe(true);
    expect(leaks('delete process.env.DATABASE_URL;')).toBe(true);
    expect(leaks("vi.stubEnv('TEST_CLOCK', 'true')")).toBe(false);
    expect(leaks("if (process.env.CI === '1') return;")).toBe(false);
  });
});
