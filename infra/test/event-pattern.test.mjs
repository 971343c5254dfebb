// Checks of the EventBridge pattern matcher itself, so that the rule checks built on it
// can be trusted.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { matchesEventPattern } from '../lib/event-pattern.mjs';

const event = {
  source: 'aws.glue',
  'detail-type': 'AWS API Call via CloudTrail',
  detail: {
    eventName: 'StartMLEvaluationTaskRun',
    requestParameters: { transformId: 'tfm-1' },
    responseElements: null,
    tags: ['blue', 'green'],
    count: 5,
    readOnly: false,
  },
};

describe('event pattern matcher', () => {
  test('exact values match', () => {
    assert.equal(matchesEventPattern({ source: ['aws.glue'] }, event), true);
    assert.equal(matchesEventPattern({ source: ['aws.s3'] }, event), false);
  });

  test('an array is any of its values', () => {
    assert.equal(matchesEventPattern({ source: ['aws.s3', 'aws.glue'] }, event), true);
  });

  test('values keep their type', () => {
    assert.equal(matchesEventPattern({ detail: { count: [5] } }, event), true);
    assert.equal(matchesEventPattern({ detail: { count: ['5'] } }, event), false);
    assert.equal(matchesEventPattern({ detail: { readOnly: [false] } }, event), true);
    assert.equal(matchesEventPattern({ detail: { responseElements: [null] } }, event), true);
  });

  test('every field must match', () => {
    assert.equal(matchesEventPattern({ source: ['aws.glue'], detail: { eventName: ['GetMLTaskRun'] } }, event), false);
  });

  test('nested objects match field by field', () => {
    assert.equal(matchesEventPattern({ detail: { requestParameters: { transformId: ['tfm-1'] } } }, event), true);
    assert.equal(matchesEventPattern({ detail: { requestParameters: { transformId: ['tfm-2'] } } }, event), false);
    assert.equal(matchesEventPattern({ detail: { missing: { transformId: ['tfm-1'] } } }, event), false);
  });

  test('an event array matches when any element does', () => {
    assert.equal(matchesEventPattern({ detail: { tags: ['green'] } }, event), true);
    assert.equal(matchesEventPattern({ detail: { tags: ['red'] } }, event), false);
  });

  test('exists tests presence', () => {
    assert.equal(matchesEventPattern({ detail: { errorCode: [{ exists: false }] } }, event), true);
    assert.equal(matchesEventPattern({ detail: { errorCode: [{ exists: true }] } }, event), false);
    assert.equal(matchesEventPattern({ detail: { eventName: [{ exists: false }] } }, event), false);
    assert.equal(matchesEventPattern({ detail: { eventName: [{ exists: true }] } }, event), true);
  });

  test('a field with null exists', () => {
    assert.equal(matchesEventPattern({ detail: { responseElements: [{ exists: true }] } }, event), true);
  });

  test('a missing field matches no literal', () => {
    assert.equal(matchesEventPattern({ detail: { errorCode: ['AccessDenied'] } }, event), false);
  });

  test('prefix matches the start of strings', () => {
    assert.equal(matchesEventPattern({ detail: { eventName: [{ prefix: 'StartML' }] } }, event), true);
    assert.equal(matchesEventPattern({ detail: { eventName: [{ prefix: 'GetML' }] } }, event), false);
    assert.equal(matchesEventPattern({ detail: { count: [{ prefix: '5' }] } }, event), false);
  });

  test('fields outside the pattern are ignored', () => {
    assert.equal(matchesEventPattern({}, event), true);
  });

  test('malformed patterns throw', () => {
    assert.throws(() => matchesEventPattern({ source: 'aws.glue' }, event), /must be an array/);
    assert.throws(() => matchesEventPattern({ source: [] }, event), /array of values is empty/);
    assert.throws(() => matchesEventPattern({ source: [{ prefix: 'a', exists: true }] }, event), /exactly one operator/);
    assert.throws(() => matchesEventPattern({ source: [{ exists: 'no' }] }, event), /true or false/);
  });

  test('unsupported operators throw', () => {
    assert.throws(
      () => matchesEventPattern({ source: [{ 'anything-but': 'aws.s3' }] }, event),
      /does not implement/,
    );
  });
});
