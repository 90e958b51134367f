// NestJS 11 (on its Express platform) with the README's setup, over real HTTP (issue 28 §3):
// `app.use(path, middleware(method))` before `listen` checks the body, and the handler answers with
// `sendJson(res, value)`: Longs exact, every refusal (invalid, malformed, too large, not JSON) in the
// platform's shape — with Nest's defaults, `rawBody: true` and `bodyParser: false` alike. NestJS 10 runs the
// same in tests/node/frameworks.test.mjs.
import { test } from 'node:test';
import 'reflect-metadata';
import * as common from '@nestjs/common';
import * as core from '@nestjs/core';
import * as q from 'qimen-payload';
import { fiveRequests, startNest } from './framework-contract.mjs';

// Nest registers its JSON parser when the app initializes, after what `app.use` added before `listen`: the
// middleware reads the body first, with Nest's defaults as with its parser off.
for (const [name, options] of [['defaults', {}], ['{ rawBody: true }', { rawBody: true }], ['{ bodyParser: false }', { bodyParser: false }]]) {
  test(`NestJS 11, ${name}: app.use(path, middleware(method)) — exact Longs, 400/413/415 in the platform shape`, async () => {
    const { app, post } = await startNest({ common, core }, q, options);
    try {
      await fiveRequests(post, q.limits().maxInputBytes);
    } finally {
      await app.close();
    }
  });
}
