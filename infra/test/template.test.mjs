// Static checks of template.yaml: the SAM JSON schema, least-privilege IAM, parameters,
// outputs, references and the build settings of the function.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import Ajv from 'ajv-draft-04';
import { parseTemplate } from '../lib/cloudformation-yaml.mjs';
import { repoRoot, samSchemaPath, templatePath } from '../lib/paths.mjs';

const templateText = readFileSync(templatePath, 'utf8');
const template = parseTemplate(templateText);
const resources = template.Resources;

const TRANSFORM_ARN = {
  'Fn::Sub': 'arn:${AWS::Partition}:glue:${AWS::Region}:${AWS::AccountId}:mlTransform/${TransformIdPattern}',
};
const PSEUDO_PARAMETERS = new Set([
  'AWS::AccountId',
  'AWS::NotificationARNs',
  'AWS::NoValue',
  'AWS::Partition',
  'AWS::Region',
  'AWS::StackId',
  'AWS::StackName',
  'AWS::URLSuffix',
]);
// CloudWatch Logs accepts only Resource "*" on its log delivery actions.
const LOG_DELIVERY_ACTIONS = new Set([
  'logs:CreateLogDelivery',
  'logs:GetLogDelivery',
  'logs:UpdateLogDelivery',
  'logs:DeleteLogDelivery',
  'logs:ListLogDeliveries',
  'logs:PutResourcePolicy',
  'logs:DescribeResourcePolicies',
  'logs:DescribeLogGroups',
]);

function resourceOfType(type) {
  const matches = Object.entries(resources).filter(([, resource]) => resource.Type === type);
  assert.equal(matches.length, 1, `expected one ${type}, found ${matches.length}`);
  return matches[0];
}

const [functionId, glueFunction] = resourceOfType('AWS::Serverless::Function');
const [, stateMachine] = resourceOfType('AWS::Serverless::StateMachine');

function toList(value) {
  return Array.isArray(value) ? value : [value];
}

// IAM statements written inline in SAM Policies, in AWS::IAM resources or in their policies.
function inlineStatements() {
  const statements = [];
  for (const [id, resource] of Object.entries(resources)) {
    const properties = resource.Properties ?? {};
    for (const policy of toList(properties.Policies ?? [])) {
      if (policy && typeof policy === 'object' && policy.Statement) {
        statements.push(...toList(policy.Statement).map((statement) => ({ owner: id, statement })));
      }
      if (policy?.PolicyDocument?.Statement) {
        statements.push(...toList(policy.PolicyDocument.Statement).map((statement) => ({ owner: id, statement })));
      }
    }
    if (properties.PolicyDocument?.Statement) {
      statements.push(...toList(properties.PolicyDocument.Statement).map((statement) => ({ owner: id, statement })));
    }
  }
  return statements;
}

function policyTemplates(resource) {
  return toList(resource.Properties.Policies).filter((policy) => policy && typeof policy === 'object' && !policy.Statement);
}

// Every Ref, GetAtt and ${Name} in Fn::Sub, with the path where it appears.
function collectReferences(value, where, found = []) {
  if (Array.isArray(value)) {
    value.forEach((item, index) => collectReferences(item, `${where}[${index}]`, found));
  } else if (value && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) {
      if (key === 'Ref') {
        found.push({ name: inner, where });
      } else if (key === 'Fn::GetAtt') {
        found.push({ name: inner[0], where });
      } else if (key === 'Fn::Sub') {
        const text = Array.isArray(inner) ? inner[0] : inner;
        const variables = Array.isArray(inner) ? Object.keys(inner[1] ?? {}) : [];
        for (const match of text.matchAll(/\$\{([^!}][^}]*)\}/g)) {
          const name = match[1].split('.')[0];
          if (!variables.includes(name)) {
            found.push({ name, where });
          }
        }
        if (Array.isArray(inner)) {
          collectReferences(inner[1], `${where}.Fn::Sub`, found);
        }
      } else {
        collectReferences(inner, `${where}.${key}`, found);
      }
    }
  }
  return found;
}

// Logical ids of the dead-letter queues that SAM creates for EventBridgeRule events.
function samGeneratedIds() {
  return Object.values(stateMachine.Properties.Events ?? {})
    .map((event) => event.Properties?.DeadLetterConfig?.QueueLogicalId)
    .filter(Boolean);
}

describe('template schema', () => {
  test('validates against the SAM schema', () => {
    const ajv = new Ajv({ strict: false, allErrors: true });
    const validate = ajv.compile(JSON.parse(readFileSync(samSchemaPath, 'utf8')));

    const valid = validate(template);

    const messages = [
      ...new Set((validate.errors ?? []).map((error) => `${error.instancePath} ${error.message} ${JSON.stringify(error.params)}`)),
    ];
    assert.equal(valid, true, messages.slice(0, 20).join('\n'));
  });

  test('a broken template fails the SAM schema', () => {
    // Shows that the schema check can fail: an unknown property of a SAM resource.
    const ajv = new Ajv({ strict: false, allErrors: true });
    const validate = ajv.compile(JSON.parse(readFileSync(samSchemaPath, 'utf8')));
    const broken = structuredClone(template);
    broken.Resources[functionId].Properties.Runtimee = 'provided.al2023';

    assert.equal(validate(broken), false);
  });
});

describe('IAM', () => {
  test('no statement allows every action', () => {
    for (const { owner, statement } of inlineStatements()) {
      for (const action of toList(statement.Action)) {
        assert.notEqual(action, '*', `${owner} allows Action "*"`);
        assert.ok(!/^glue:.*\*/.test(action), `${owner} allows the wildcard Glue action ${action}`);
      }
    }
  });

  test('Resource "*" only for log delivery', () => {
    for (const { owner, statement } of inlineStatements()) {
      if (toList(statement.Resource).includes('*')) {
        for (const action of toList(statement.Action)) {
          assert.ok(LOG_DELIVERY_ACTIONS.has(action), `${owner} allows ${action} on Resource "*"`);
        }
      }
    }
  });

  test('the function only reads ML task runs of the transforms', () => {
    const statements = inlineStatements().filter(({ owner }) => owner === functionId);

    assert.equal(statements.length, 1);
    assert.deepEqual(toList(statements[0].statement.Action).sort(), ['glue:GetMLTaskRun', 'glue:GetMLTaskRuns']);
    assert.deepEqual(statements[0].statement.Resource, TRANSFORM_ARN);
    assert.deepEqual(policyTemplates(glueFunction), []);
  });

  test('the state machine only cancels runs of the transforms', () => {
    const glueStatements = inlineStatements()
      .filter(({ owner }) => resources[owner] === stateMachine)
      .filter(({ statement }) => toList(statement.Action).some((action) => action.startsWith('glue:')));

    assert.equal(glueStatements.length, 1);
    assert.deepEqual(toList(glueStatements[0].statement.Action), ['glue:CancelMLTaskRun']);
    assert.deepEqual(glueStatements[0].statement.Resource, TRANSFORM_ARN);
  });

  test('the state machine invokes this function and puts events on the completion bus', () => {
    assert.deepEqual(policyTemplates(stateMachine), [
      { LambdaInvokePolicy: { FunctionName: { Ref: functionId } } },
      { EventBridgePutEventsPolicy: { EventBusName: { Ref: 'CompletionEventBusName' } } },
    ]);
  });

  test('the TransformIdPattern parameter defaults to every transform', () => {
    assert.equal(template.Parameters.TransformIdPattern.Default, '*');
  });
});

describe('parameters and outputs', () => {
  test('every parameter has Type, Default and Description', () => {
    for (const [name, parameter] of Object.entries(template.Parameters)) {
      assert.equal(typeof parameter.Type, 'string', `${name} has no Type`);
      assert.notEqual(parameter.Default, undefined, `${name} has no Default`);
      assert.equal(typeof parameter.Description, 'string', `${name} has no Description`);
    }
  });

  test('every Number parameter is bounded', () => {
    for (const [name, parameter] of Object.entries(template.Parameters)) {
      if (parameter.Type === 'Number') {
        const bounded = parameter.AllowedValues || (parameter.MinValue !== undefined && parameter.MaxValue !== undefined);
        assert.ok(bounded, `${name} has neither AllowedValues nor MinValue and MaxValue`);
      }
    }
  });

  test('every default is allowed', () => {
    for (const [name, parameter] of Object.entries(template.Parameters)) {
      if (parameter.AllowedValues) {
        assert.ok(parameter.AllowedValues.includes(parameter.Default), `${name} default is not in AllowedValues`);
      }
      if (parameter.AllowedPattern) {
        assert.match(String(parameter.Default), new RegExp(parameter.AllowedPattern), `${name} default`);
      }
      if (parameter.MinValue !== undefined) {
        assert.ok(parameter.Default >= parameter.MinValue, `${name} default is below MinValue`);
      }
      if (parameter.MaxValue !== undefined) {
        assert.ok(parameter.Default <= parameter.MaxValue, `${name} default is above MaxValue`);
      }
    }
  });

  test('every output has a Description', () => {
    for (const [name, output] of Object.entries(template.Outputs)) {
      assert.equal(typeof output.Description, 'string', `output ${name} has no Description`);
    }
  });

  test('every reference names something that exists', () => {
    const known = new Set([
      ...Object.keys(template.Parameters),
      ...Object.keys(resources),
      ...PSEUDO_PARAMETERS,
      ...samGeneratedIds(),
    ]);

    const references = collectReferences({ Resources: resources, Outputs: template.Outputs }, '');

    assert.ok(references.length > 0);
    for (const { name, where } of references) {
      assert.ok(known.has(name), `${where} refers to '${name}', which is no parameter or resource`);
    }
  });

  test('no resource has a fixed name', () => {
    const nameProperties = ['FunctionName', 'Name', 'LogGroupName', 'RoleName', 'QueueName', 'RuleName', 'StateMachineName'];

    for (const [id, resource] of Object.entries(resources)) {
      for (const property of nameProperties) {
        assert.equal(resource.Properties?.[property], undefined, `${id} sets ${property}`);
      }
    }
  });

  test('a comment line precedes each resource', () => {
    const lines = templateText.split('\n');
    const start = lines.indexOf('Resources:');
    const end = lines.indexOf('Outputs:');

    for (let index = start + 1; index < end; index++) {
      if (/^  [A-Za-z0-9]+:\s*$/.test(lines[index])) {
        assert.match(lines[index - 1], /^  # \S/, `resource on line ${index + 1} has no comment above it`);
      }
    }
  });
});

describe('function', () => {
  const properties = glueFunction.Properties;

  test('is a provided.al2023 bootstrap built by make', () => {
    assert.equal(properties.Runtime, 'provided.al2023');
    assert.equal(properties.Handler, 'bootstrap');
    assert.equal(properties.CodeUri, 'src/GlueTaskRunLambda/');
    assert.deepEqual(glueFunction.Metadata, { BuildMethod: 'makefile' });
    assert.deepEqual(properties.Architectures, [{ Ref: 'Architecture' }]);
    assert.deepEqual(template.Parameters.Architecture.AllowedValues, ['x86_64', 'arm64']);
    assert.equal(properties.Timeout, 30);
    assert.equal(properties.MemorySize, 128);
  });

  test('the Makefile has the build target of the function', () => {
    const makefile = readFileSync(path.join(repoRoot, properties.CodeUri, 'Makefile'), 'utf8');

    assert.match(makefile, new RegExp(`^build-${functionId}:`, 'm'));
    assert.match(makefile, /dotnet publish .*-r \$\(RUNTIME_IDENTIFIER\) -p:PublishAot=true -o "\$\(ARTIFACTS_DIR\)"/);
  });

  test('logs JSON to its own log group', () => {
    const logging = properties.LoggingConfig;

    assert.equal(logging.LogFormat, 'JSON');
    assert.deepEqual(logging.ApplicationLogLevel, { Ref: 'LogLevel' });
    assert.equal(resources[logging.LogGroup.Ref].Type, 'AWS::Logs::LogGroup');
    assert.deepEqual(resources[logging.LogGroup.Ref].Properties.RetentionInDays, { Ref: 'LogRetentionInDays' });
  });

  test('reads its settings from parameters', () => {
    assert.deepEqual(properties.Environment.Variables, {
      POLL_MIN_SECONDS: { Ref: 'PollMinSeconds' },
      POLL_MAX_SECONDS: { Ref: 'PollMaxSeconds' },
      MAX_WAIT_SECONDS: { Ref: 'MaxWaitSeconds' },
      CANCEL_ON_WAIT_BOUND: { Ref: 'CancelOnWaitBound' },
    });
  });
});

describe('state machine', () => {
  const properties = stateMachine.Properties;

  test('is a Standard workflow', () => {
    assert.equal(properties.Type, 'STANDARD');
  });

  test('logs ALL without execution data to its own log group', () => {
    const [destination] = properties.Logging.Destinations;
    const logGroupId = destination.CloudWatchLogsLogGroup.LogGroupArn['Fn::GetAtt'][0];

    assert.equal(properties.Logging.Level, 'ALL');
    assert.equal(properties.Logging.IncludeExecutionData, false);
    assert.equal(resources[logGroupId].Type, 'AWS::Logs::LogGroup');
    assert.notEqual(logGroupId, glueFunction.Properties.LoggingConfig.LogGroup.Ref);
  });

  test('is traced', () => {
    assert.deepEqual(properties.Tracing, { Enabled: true });
  });

  test('substitutes this function, the completion bus and the first-poll spread', () => {
    assert.deepEqual(properties.DefinitionSubstitutions, {
      GlueTaskRunFunctionArn: { 'Fn::GetAtt': [functionId, 'Arn'] },
      EventBusName: { Ref: 'CompletionEventBusName' },
      FirstPollSpreadSeconds: { Ref: 'FirstPollSpreadSeconds' },
    });
    assert.equal(template.Parameters.FirstPollSpreadSeconds.MinValue, 1);
    assert.equal(template.Parameters.CompletionEventBusName.Default, 'default');
  });
});

describe('samconfig.toml', () => {
  const samconfig = readFileSync(path.join(repoRoot, 'samconfig.toml'), 'utf8');

  test('sets the deploy defaults', () => {
    assert.match(samconfig, /^stack_name = "[a-z0-9-]+"$/m);
    assert.match(samconfig, /^capabilities = "CAPABILITY_IAM"$/m);
    assert.match(samconfig, /^resolve_s3 = true$/m);
    assert.match(samconfig, /^confirm_changeset = true$/m);
    assert.match(samconfig, /^build_in_source = true$/m);
  });

  test('leaves the region to the profile', () => {
    assert.doesNotMatch(samconfig, /^region\s*=/m);
  });
});
