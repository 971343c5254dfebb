// Adds Promise.withResolvers (ES2024) on Node 20. aws-local-stepfunctions 3 calls it in every
// Task state and declares Node >= 22; without it each Task fails with a TypeError that a
// States.ALL Catch would hide. Loaded with `node --require`; a no-op on Node 22 and later.
'use strict';

if (typeof Promise.withResolvers !== 'function') {
  Object.defineProperty(Promise, 'withResolvers', {
    configurable: true,
    writable: true,
    value: function withResolvers() {
      let resolve;
      let reject;
      const promise = new this((resolvePromise, rejectPromise) => {
        resolve = resolvePromise;
        reject = rejectPromise;
      });
      return { promise, resolve, reject };
    },
  });
}
