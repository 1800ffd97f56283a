// GET /fhir/metadata: what this server does, as a FHIR CapabilityStatement (the SDC operation, and the records
// system's search when the clinic side runs), so a client can find out before it calls.
import type * as fhir4 from 'fhir/r4.js';

const NEXT_QUESTION = 'http://hl7.org/fhir/uv/sdc/OperationDefinition/Questionnaire-next-question';

export function capabilityStatement(o: { baseUrl: string; clinicName: string; version: string; records: boolean; now: Date }): fhir4.CapabilityStatement {
  const questionnaire: fhir4.CapabilityStatementRestResource = {
    type: 'Questionnaire',
    operation: [{ name: 'next-question', definition: NEXT_QUESTION, documentation: 'The self-check as an SDC adaptive questionnaire (type and instance level: creak-self-check).' }],
  };
  const responses: fhir4.CapabilityStatementRestResource = {
    type: 'QuestionnaireResponse',
    interaction: [{ code: 'read' }, { code: 'search-type' }],
    searchInclude: ['QuestionnaireResponse:subject'],
    searchParam: [
      { name: '_lastUpdated', type: 'date', documentation: 'When the result was sent; prefixes eq, gt, ge, lt, le (sa, eb).' },
      { name: '_id', type: 'token', documentation: 'Submission ids, separated by commas.' },
      { name: '_count', type: 'number', documentation: 'Results per page, 0 to 100 (default 20).' },
    ],
    documentation: 'Sent results, each with its Patient and RiskAssessment included. Needs an API key (Bearer).',
  };
  return {
    resourceType: 'CapabilityStatement',
    status: 'active',
    date: o.now.toISOString(),
    kind: 'instance',
    software: { name: 'Creak' },
    implementation: { description: `${o.clinicName} self-check, content version ${o.version}`, url: `${o.baseUrl}/fhir` },
    fhirVersion: '4.0.1',
    format: ['application/fhir+json'],
    rest: [{
      mode: 'server',
      ...(o.records ? { security: { service: [{ text: 'Bearer API key' }], description: 'QuestionnaireResponse needs "Authorization: Bearer <key>"; an admin makes keys in the clinic pages.' } } : {}),
      resource: o.records ? [questionnaire, responses] : [questionnaire],
    }],
  };
}
