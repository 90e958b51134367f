// The JS server core's error_response agrees with the Rust one (report::refusal, the axum extractor's) on the
// shared fixture tests/refusals/shopinv-missing.json, read by both suites.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as q from 'qimen-payload';

const fixture = JSON.parse(readFileSync(new URL('../refusals/shopinv-missing.json', import.meta.url), 'utf8'));

test('errorResponse writes the shared fixture\'s head and paths, members in the platform\'s order', () => {
  const body = q.errorResponse(q.check(fixture.method, fixture.payload), 'zh');
  const e = body.error_response;
  for (const key of Object.keys(fixture.head)) assert.deepEqual(e[key], fixture.head[key], key);
  assert.deepEqual(e.errors.map((i) => i.path), fixture.paths);
  assert.deepEqual(Object.keys(e), ['code', 'msg', 'sub_code', 'sub_msg', 'error_count', 'errors']);
  assert.equal(q.MAX_LISTED, 20);
});
