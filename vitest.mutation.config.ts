// The `unit` project of vitest.config.ts on its own, for Stryker (stryker.config.mjs): its vitest
// runner takes a config file but no project filter.
import { defineConfig, type TestProjectInlineConfiguration } from 'vitest/config';
import base from './vitest.config';

const unit = (base.test?.projects as TestProjectInlineConfiguration[] | undefined)?.find((project) => project.test?.name === 'unit');
if (!unit?.test) throw new Error('vitest.config.ts has no project named "unit"');

export default defineConfig({
  resolve: unit.resolve,
  test: {
    ...unit.test,
    name: undefined,
    // The seed tests build the whole demo data set while vitest collects them, outside any test:
    // Stryker then counts every computeInvoice mutant as "static" and reruns all tests with a fresh
    // module for each one (~10× slower). They check the demo data, not the billing rules.
    exclude: [...(unit.test.exclude ?? []), 'prisma/**'],
  },
});
