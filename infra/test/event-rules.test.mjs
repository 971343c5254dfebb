// Matches the EventBridge rules of template.yaml against the sample events in events/:
// each sample starts the wait loop through exactly the rule expected, and the samples in
// events/must-not-match/ start nothing.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { matchesEventPattern } from '../lib/event-pattern.mjs';
import { readEventRules } from '../lib/event-rules.mjs';
import { eventsDir } from '../lib/paths.mjs';

const CLOUDTRAIL_RULE = 'GlueStartTaskRunCall';
const WATCH_RULE = 'WatchRequested';
const START_OPERATIONS = [
  'StartMLEvaluationTaskRun',
  'StartMLLabelingSetGenerationTaskRun',
  'StartImportLabelsTaskRun',
  'StartExportLabelsTaskRun',
];

const rules = await readEventRules();

function readSamples(folder) {
  return readdirSync(folder)
    .filter((file) => file.endsWith('.json'))
    .sort()
    .map((file) => ({ file, event: JSON.parse(readFileSync(path.join(folder, file), 'utf8')) }));
}

function matchingRules(event) {
  return rules.filter((rule) => matchesEventPattern(rule.pattern, event)).map((rule) => rule.name);
}

// The rule that a sample must start, from its file name; null for a direct execution input.
function expectedRule(file, event) {
  if (file.startsWith('cloudtrail-')) {
    return CLOUDTRAIL_RULE;
  }
  if (file.startsWith('watch-requested')) {
    return WATCH_RULE;
  }
  assert.equal(event['detail-type'], undefined, `${file} is an EventBridge event but its name maps to no rule`);
  return null;
}

const samples = readSamples(eventsDir);
const mustNotMatch = readSamples(path.join(eventsDir, 'must-not-match'));

describe('event rules', () => {
  test('the template has both rules', () => {
    assert.deepEqual(rules.map((rule) => rule.name).sort(), [CLOUDTRAIL_RULE, WATCH_RULE].sort());
  });

  test('the CloudTrail rule names the four Start operations', () => {
    const pattern = rules.find((rule) => rule.name === CLOUDTRAIL_RULE).pattern;

    assert.deepEqual(pattern.source, ['aws.glue']);
    assert.deepEqual(pattern['detail-type'], ['AWS API Call via CloudTrail']);
    assert.deepEqual(pattern.detail.eventSource, ['glue.amazonaws.com']);
    assert.deepEqual([...pattern.detail.eventName].sort(), [...START_OPERATIONS].sort());
    assert.deepEqual(pattern.detail.errorCode, [{ exists: false }]);
  });

  test('there is a CloudTrail sample of each Start operation', () => {
    const sampled = samples.map(({ event }) => event.detail?.eventName).filter(Boolean);

    for (const operation of START_OPERATIONS) {
      assert.ok(sampled.includes(operation), `no sample event for ${operation}`);
    }
  });

  test('a sample has responseElements null', () => {
    assert.ok(samples.some(({ event }) => event.detail && event.detail.responseElements === null));
  });

  for (const { file, event } of samples) {
    test(`${file} starts only its rule`, () => {
      const expected = expectedRule(file, event);

      assert.deepEqual(matchingRules(event), expected ? [expected] : []);
    });
  }

  test('must-not-match has samples', () => {
    assert.ok(mustNotMatch.length >= 3);
  });

  for (const { file, event } of mustNotMatch) {
    test(`${file} starts no rule`, () => {
      assert.deepEqual(matchingRules(event), []);
    });
  }

  test('the completion event starts no rule', () => {
    // The loop publishes with the same source as the watch request, so the
    // detail-type alone keeps a completion from starting another execution.
    const completion = {
      version: '0',
      id: '8d6c2c49-0a3e-4a8c-8d9e-5d7b6f1c2e3a',
      'detail-type': 'Glue ML Task Run Wait Completed',
      source: 'glue-task-run-waiter',
      account: '123456789012',
      time: '2026-01-15T09:31:00Z',
      region: 'us-east-1',
      resources: [],
      detail: { Outcome: 'SUCCEEDED', Status: {} },
    };

    assert.deepEqual(matchingRules(completion), []);
  });
});
