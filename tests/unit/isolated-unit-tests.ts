/** Where unit tests live (`*.test.ts`, not `*.int.test.ts`): vitest.config.ts's unit projects and the completeness test both read it. */
export const UNIT_TEST_FOLDERS = ['lib', 'components', 'prisma', 'scripts', 'tests/unit'];

/**
 * Unit tests run without per-file isolation: each worker imports the modules once and every file
 * shares them, so the 87 files take ~8 s instead of ~45 s (the isolation, not the tests, was the
 * cost). A file that would leak into the next one runs isolated instead, listed here: it replaces
 * modules (`vi.mock`), or writes the process environment by hand rather than with `vi.stubEnv`.
 * tests/unit/isolated-unit-tests.test.ts keeps the list complete.
 */
export const ISOLATED_UNIT_TESTS = ['lib/http/admin-action.test.ts', 'lib/log.test.ts'];

/** What makes a test file leak into the next one when modules are shared. */
export const LEAKS_WITHOUT_ISOLATION = [/\bvi\.(?:do)?mock\(/, /\bprocess\.env\.\w+\s*(?:\?\?|\|\||&&)?=(?!=)/, /\bdelete\s+process\.env\b/, /\bvi\.stubGlobal\(/];
