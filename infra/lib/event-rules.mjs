// Reads the EventBridge rules that start the wait loop from template.yaml: the
// EventBridgeRule events of the state machine and any AWS::Events::Rule resource.
import { readTemplate } from './cloudformation-yaml.mjs';
import { templatePath } from './paths.mjs';

/** Returns [{name, pattern}] for every rule in the template, named by its event or resource id. */
export async function readEventRules(filePath = templatePath) {
  const template = await readTemplate(filePath);
  const rules = [];
  for (const [id, resource] of Object.entries(template.Resources ?? {})) {
    if (resource.Type === 'AWS::Events::Rule') {
      rules.push({ name: id, pattern: resource.Properties.EventPattern });
    }
    for (const [eventName, event] of Object.entries(resource.Properties?.Events ?? {})) {
      if (event.Type === 'EventBridgeRule' || event.Type === 'CloudWatchEvent') {
        rules.push({ name: eventName, pattern: event.Properties.Pattern });
      }
    }
  }
  return rules;
}
