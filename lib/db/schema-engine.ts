import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { PrismaPg } from '@prisma/adapter-pg';
import { bindMigrationAwareSqlAdapterFactory } from '@prisma/driver-adapter-utils';
import * as bindings from '@prisma/schema-engine-wasm/schema_engine_bg';
import type { SchemaEngine } from '@prisma/schema-engine-wasm';

/**
 * Prisma's schema engine as WebAssembly: the native engine the Prisma CLI downloads is out of
 * reach on these machines (../shared/TOOLCHAIN.md). Node 20 cannot import the package's `.wasm`
 * ESM entry, so the module is instantiated here with the generated bindings as its imports.
 */
let ready: Promise<void> | undefined;

function loadWasm(): Promise<void> {
  ready ??= (async () => {
    const require = createRequire(import.meta.url);
    const wasmPath = require.resolve('@prisma/schema-engine-wasm/schema_engine_bg').replace(/\.js$/, '.wasm');
    const source = await readFile(wasmPath);
    const { instance } = await WebAssembly.instantiate(source, {
      './schema_engine_bg.js': bindings as unknown as WebAssembly.ModuleImports,
    });
    bindings.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
  })();
  return ready;
}

export async function openSchemaEngine(connectionString: string, schema?: { path: string; content: string }): Promise<SchemaEngine> {
  await loadWasm();
  const adapterFactory = bindMigrationAwareSqlAdapterFactory(new PrismaPg({ connectionString }));
  return bindings.SchemaEngine.new(
    { datamodels: schema ? [[schema.path, schema.content]] : undefined },
    () => {},
    adapterFactory,
  );
}
