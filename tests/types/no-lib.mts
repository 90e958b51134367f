// A consumer whose tsconfig has neither lib dom nor @types/node (a shared library, a worker built for any
// runtime): the package's types must stand alone (issue 29 §4).
import { check, readWebBody, validateRequest, schemas } from 'qimen-payload';
import wasmUrl from 'qimen-payload/wasm';

const ok: boolean = check('tmall.qimendc.inventory.sync', '{}').ok;
const url: string = wasmUrl;
const schema = schemas['tmall.qimendc.inventory.sync'];
export { ok, url, schema, readWebBody, validateRequest };
