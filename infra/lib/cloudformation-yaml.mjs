// Parses a CloudFormation or SAM template written in YAML. The short-form intrinsic
// function tags (!Ref, !Sub, !GetAtt, ...) become their long JSON form, which is what
// CloudFormation itself reads and what the SAM JSON schema validates.
import { readFile } from 'node:fs/promises';
import { parse } from 'yaml';

// Long-form name of each short-form tag.
const FUNCTION_NAMES = {
  '!Ref': 'Ref',
  '!Condition': 'Condition',
  '!Sub': 'Fn::Sub',
  '!GetAtt': 'Fn::GetAtt',
  '!If': 'Fn::If',
  '!Equals': 'Fn::Equals',
  '!Not': 'Fn::Not',
  '!And': 'Fn::And',
  '!Or': 'Fn::Or',
  '!Join': 'Fn::Join',
  '!Select': 'Fn::Select',
  '!Split': 'Fn::Split',
  '!FindInMap': 'Fn::FindInMap',
  '!Base64': 'Fn::Base64',
  '!Cidr': 'Fn::Cidr',
  '!ImportValue': 'Fn::ImportValue',
  '!GetAZs': 'Fn::GetAZs',
};

function toLongForm(name, value) {
  // "!GetAtt Resource.Attribute" is a string, but its long form is a two-item list.
  if (name === 'Fn::GetAtt' && typeof value === 'string') {
    const dot = value.indexOf('.');
    if (dot < 0) {
      throw new Error(`!GetAtt '${value}' is invalid: it must be Resource.Attribute.`);
    }
    return { [name]: [value.slice(0, dot), value.slice(dot + 1)] };
  }
  return { [name]: value };
}

// Each tag may be written on a scalar, a sequence or a mapping, so it is registered for all three.
export const cloudFormationTags = Object.entries(FUNCTION_NAMES).flatMap(([tag, name]) => [
  { tag, resolve: (text) => toLongForm(name, text) },
  { tag, collection: 'seq', resolve: (sequence) => toLongForm(name, sequence.toJSON()) },
  { tag, collection: 'map', resolve: (mapping) => toLongForm(name, mapping.toJSON()) },
]);

/** Parses template text into plain JSON values with long-form intrinsic functions. */
export function parseTemplate(text) {
  return parse(text, { customTags: cloudFormationTags, prettyErrors: true });
}

/** Reads and parses a template file. */
export async function readTemplate(filePath) {
  return parseTemplate(await readFile(filePath, 'utf8'));
}
