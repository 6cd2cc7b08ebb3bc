import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { bindMigrationAwareSqlAdapterFactory, type SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
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

/** Runs `work` with an engine on `connectionString`, then frees it and closes its connections. */
export async function withSchemaEngine<T>(connectionString: string, work: (engine: SchemaEngine) => Promise<T>): Promise<T> {
  await loadWasm();
  // Our own pool, so that its connections are closed afterwards (freeing the engine does not).
  const pool = new pg.Pool({ connectionString, max: 2 });
  const adapterFactory = bindMigrationAwareSqlAdapterFactory(wholeScripts(new PrismaPg(pool)));
  const engine = await bindings.SchemaEngine.new({ datamodels: undefined }, () => {}, adapterFactory);
  try {
    return await work(engine);
  } finally {
    engine.free();
    await pool.end();
  }
}

/** The adapter's private error conversion (pg error → DriverAdapterError), which `executeScript` uses. */
type WithOnError = { onError(error: unknown): never };

/**
 * @prisma/adapter-pg's `executeScript` splits a migration on every `;` and sends the pieces one by
 * one, which cuts a PL/pgSQL function body (or a `;` in a comment or string) apart. The native
 * engine sends the script whole, as one simple-protocol query: PostgreSQL parses it itself and runs
 * its statements in one implicit transaction. Done so here, with the adapter's own error conversion,
 * so a failing migration reports the database's error as before.
 */
function wholeScripts(factory: PrismaPg): SqlMigrationAwareDriverAdapterFactory {
  type Adapter = Awaited<ReturnType<PrismaPg['connect']>>;
  const patch = (adapter: Adapter): Adapter => {
    const client = adapter.underlyingDriver();
    adapter.executeScript = async (script: string) => {
      try {
        await client.query(script);
      } catch (error) {
        (adapter as unknown as WithOnError).onError(error);
      }
    };
    return adapter;
  };
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: async () => patch(await factory.connect()),
    connectToShadowDb: async () => patch(await factory.connectToShadowDb()),
  };
}
