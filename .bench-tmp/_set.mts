import { PGlite } from '@electric-sql/pglite';
const c = new PGlite('/tmp/prof-db3');
await c.waitReady;
const r = await c.query<any>("select name, setting, unit from pg_settings where name in ('shared_buffers','work_mem','maintenance_work_mem','wal_buffers','temp_buffers','effective_cache_size','max_connections','wal_level','fsync','synchronous_commit','full_page_writes','autovacuum','max_wal_size','min_wal_size','checkpoint_timeout')");
for (const x of r.rows) console.log(x.name, x.setting, x.unit ?? '');
const mem = (c as any).mod?.HEAP8?.length ?? (c as any).mod?.wasmMemory?.buffer?.byteLength;
console.log('wasm heap', mem && mem / 1048576);
await c.close();
