// Static checks of the wait loop's ASL definition: validity, placeholders against the
// template's DefinitionSubstitutions, and error handling of every function errorType.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, test } from 'node:test';
import { readTemplate } from '../lib/cloudformation-yaml.mjs';
import { aslPath, repoRoot, templatePath } from '../lib/paths.mjs';
import { CANCEL_STATE, findPlaceholders, POLL_STATE, PUBLISH_STATE } from '../lib/wait-loop.mjs';
import { FUNCTION_ERRORS, LAMBDA_SERVICE_ERRORS, STATUS_DOCUMENT_FIELDS } from './support/contract.mjs';

const require = createRequire(import.meta.url);
const validateAsl = require('asl-validator');

const aslText = readFileSync(aslPath, 'utf8');
const definition = JSON.parse(aslText);
const states = definition.States;
const template = await readTemplate(templatePath);
const stateMachineResource = Object.values(template.Resources).find(
  (resource) => resource.Type === 'AWS::Serverless::StateMachine',
);

function statesOfType(type) {
  return Object.entries(states).filter(([, state]) => state.Type === type);
}

function errorsIn(rules) {
  return (rules ?? []).flatMap((rule) => rule.ErrorEquals);
}

describe('ASL definition', () => {
  test('passes asl-validator', () => {
    // The validator adds fields to the definition it checks, so it gets a copy.
    const result = validateAsl(structuredClone(definition), { checkPaths: true, checkArn: true });

    assert.equal(result.isValid, true, result.errorsText('\n'));
  });

  test('is a JSONPath definition with a Comment', () => {
    assert.notEqual(definition.QueryLanguage, 'JSONata');
    assert.equal(typeof definition.Comment, 'string');
    for (const [name, state] of Object.entries(states)) {
      assert.notEqual(state.QueryLanguage, 'JSONata', `state '${name}' uses JSONata`);
    }
  });

  test('every Task has TimeoutSeconds', () => {
    for (const [name, state] of statesOfType('Task')) {
      assert.equal(Number.isInteger(state.TimeoutSeconds), true, `Task '${name}' has no TimeoutSeconds`);
    }
  });

  test('every Choice has a Default', () => {
    for (const [name, state] of statesOfType('Choice')) {
      assert.equal(typeof state.Default, 'string', `Choice '${name}' has no Default`);
    }
  });

  test('Fail states have distinct Error names', () => {
    const names = statesOfType('Fail').map(([name, state]) => state.Error ?? `ErrorPath of ${name}`);

    assert.equal(new Set(names).size, names.length, `duplicate Fail errors: ${names.join(', ')}`);
    for (const expected of ['GlueTaskRunFailed', 'GlueTaskRunTimedOut', 'GlueTaskRunStopped', 'WaitBoundExceeded']) {
      assert.ok(names.includes(expected), `no Fail state ends with ${expected}`);
    }
  });

  test('every Catch keeps the state input', () => {
    for (const [name, state] of statesOfType('Task')) {
      for (const catcher of state.Catch ?? []) {
        assert.equal(typeof catcher.ResultPath, 'string', `a Catch of '${name}' has no ResultPath`);
        assert.notEqual(catcher.ResultPath, '$', `a Catch of '${name}' replaces the input`);
      }
    }
  });

  test('every Retry backs off with full jitter', () => {
    for (const [name, state] of statesOfType('Task')) {
      for (const retrier of state.Retry ?? []) {
        const label = `Retry ${JSON.stringify(retrier.ErrorEquals)} of '${name}'`;
        assert.ok(retrier.BackoffRate > 1, `${label} has no BackoffRate above 1`);
        assert.ok(retrier.MaxDelaySeconds > 0, `${label} has no MaxDelaySeconds`);
        assert.equal(retrier.JitterStrategy, 'FULL', `${label} has no full jitter`);
      }
    }
  });
});

describe('poll Task', () => {
  const poll = states[POLL_STATE];

  test('invokes the function with the state input', () => {
    assert.equal(states[definition.StartAt].Next, 'Wait before the first poll');
    assert.equal(states['Wait before the first poll'].Next, POLL_STATE);
    assert.equal(poll.Resource, 'arn:aws:states:::lambda:invoke');
    assert.equal(poll.Parameters.FunctionName, '${GlueTaskRunFunctionArn}');
    assert.equal(poll.Parameters['Payload.$'], '$');
  });

  test('outputs only the status document', () => {
    const selectsPayload = poll.OutputPath === '$.Payload' || poll.ResultSelector?.['Payload.$'] === '$.Payload';

    assert.ok(selectsPayload, 'the poll output is not $.Payload');
    assert.equal(poll.ResultPath, undefined, 'a ResultPath would merge each result into the growing input');
  });

  test('retries the retryable errors and never the others', () => {
    const retried = errorsIn(poll.Retry);

    for (const [errorType, { retryable }] of Object.entries(FUNCTION_ERRORS)) {
      assert.equal(retried.includes(errorType), retryable, `Retry of ${errorType}`);
    }
    for (const errorType of LAMBDA_SERVICE_ERRORS) {
      assert.ok(retried.includes(errorType), `${errorType} is not retried`);
    }
    assert.ok(!retried.includes('States.ALL'), 'States.ALL is retried');
  });

  test('catches every errorType by name and then States.ALL', () => {
    const caught = errorsIn(poll.Catch);
    const lastCatcher = poll.Catch.at(-1);

    for (const errorType of [...Object.keys(FUNCTION_ERRORS), ...LAMBDA_SERVICE_ERRORS]) {
      assert.ok(caught.includes(errorType), `${errorType} is not caught by name`);
    }
    assert.deepEqual(lastCatcher.ErrorEquals, ['States.ALL']);
  });

  test('loops through a Wait on NextPollSeconds', () => {
    const choice = states[poll.Next];
    const wait = states[choice.Default];

    assert.equal(choice.Type, 'Choice');
    assert.equal(wait.Type, 'Wait');
    assert.equal(wait.SecondsPath, '$.NextPollSeconds');
    assert.equal(wait.Next, POLL_STATE);
  });
});

describe('other Tasks', () => {
  test('the completion event goes to the substituted bus', () => {
    const publish = states[PUBLISH_STATE];
    const [entry] = publish.Parameters.Entries;

    assert.equal(publish.Resource, 'arn:aws:states:::events:putEvents');
    assert.equal(publish.Parameters.Entries.length, 1);
    assert.equal(entry.EventBusName, '${EventBusName}');
    assert.equal(entry.Source, 'glue-task-run-waiter');
    assert.equal(entry.DetailType, 'Glue ML Task Run Wait Completed');
    assert.equal(entry['Detail.$'], '$');
  });

  test('the cancel calls CancelMLTaskRun and catches all', () => {
    const cancel = states[CANCEL_STATE];

    assert.equal(cancel.Resource, 'arn:aws:states:::aws-sdk:glue:cancelMLTaskRun');
    assert.ok(cancel.Retry.length > 0, 'the cancel has no Retry');
    assert.deepEqual(cancel.Catch.at(-1).ErrorEquals, ['States.ALL']);
  });

  test('the only Glue call of the ASL is the cancel', () => {
    const glueResources = statesOfType('Task')
      .map(([, state]) => state.Resource)
      .filter((resource) => resource.includes(':glue:'));

    assert.deepEqual(glueResources, ['arn:aws:states:::aws-sdk:glue:cancelMLTaskRun']);
  });

  test('an error after a poll copies every status field', () => {
    const describeError = states['Describe error after a poll'];
    const copied = Object.keys(describeError.Parameters.Status);

    assert.deepEqual(
      copied,
      STATUS_DOCUMENT_FIELDS.map((field) => `${field}.$`),
    );
    for (const field of STATUS_DOCUMENT_FIELDS) {
      assert.equal(describeError.Parameters.Status[`${field}.$`], `$.${field}`);
    }
  });
});

describe('placeholders', () => {
  const substitutions = stateMachineResource.Properties.DefinitionSubstitutions;

  test('each has a DefinitionSubstitutions key', () => {
    for (const name of findPlaceholders(aslText)) {
      assert.ok(Object.hasOwn(substitutions, name), `\${${name}} has no DefinitionSubstitutions key`);
    }
  });

  test('each DefinitionSubstitutions key is used', () => {
    const used = findPlaceholders(aslText);

    for (const key of Object.keys(substitutions)) {
      assert.ok(used.includes(key), `DefinitionSubstitutions key '${key}' is not used in the ASL`);
    }
  });

  test('DefinitionUri names this ASL file', () => {
    const definitionUri = stateMachineResource.Properties.DefinitionUri;

    assert.equal(path.resolve(repoRoot, definitionUri), aslPath);
    assert.ok(existsSync(path.resolve(repoRoot, definitionUri)));
  });
});

describe('function errors', () => {
  test('the contract list matches the function source', () => {
    const source = readFileSync(path.join(repoRoot, 'src', 'GlueTaskRunLambda', 'Errors', 'FunctionErrors.cs'), 'utf8');
    const declaration =
      /internal sealed class (\w+)\([^)]*\)\s*:\s*FunctionError\([^)]*\)\s*\{\s*public override bool IsRetryable => (true|false);/g;
    const declared = Object.fromEntries(
      [...source.matchAll(declaration)]
        // An invalid configuration fails the function's start, not an invocation.
        .filter(([, name]) => name !== 'InvalidFunctionConfiguration')
        .map(([, name, retryable]) => [name, { retryable: retryable === 'true' }]),
    );

    assert.ok(Object.keys(declared).length > 0, 'no FunctionError class found in FunctionErrors.cs');
    assert.deepEqual(declared, FUNCTION_ERRORS);
  });
});
