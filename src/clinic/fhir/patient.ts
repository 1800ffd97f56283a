// The person who sent a result, as a FHIR R4 Patient: name, contact points with their use, and an identifier that is
// the same every time the same person (same name and contact) sends, so a records system can match the sends.
import { createHmac } from 'node:crypto';
import type * as fhir4 from 'fhir/r4.js';
import { parsePhone } from '../phone.js';
import type { FhirSystems } from './fhir-systems.js';
import { narrative } from './narrative.js';

export interface PersonContact {
  name: string;
  phone: string | null;
  email: string | null;
}

/**
 * A keyed hash of the name and contact (E.164 phone, else lower-cased email). Keyed, so the identifier reveals
 * nothing about the number; with the name, so two people sharing a phone or an email stay two patients (merging two
 * people's records is the dangerous error; a name typed differently only splits one person's sends).
 */
export function personKey(secret: string, p: PersonContact): string {
  const name = p.name.trim().toLowerCase().replace(/\s+/g, ' ');
  const contact = p.phone !== null ? (parsePhone(p.phone)?.e164 ?? p.phone.replace(/\s+/g, '')) : (p.email ?? '').trim().toLowerCase();
  return createHmac('sha256', secret).update(`${name}\n${contact}`).digest('base64url').slice(0, 32);
}

/** The Patient for a person; `key` is personKey(...) with the service's secret. */
export function patientResource(sys: FhirSystems, p: PersonContact, key: string): fhir4.Patient {
  const phone = p.phone === null ? undefined : parsePhone(p.phone);
  const telecom: fhir4.ContactPoint[] = [
    ...(p.phone === null ? [] : [{ system: 'phone' as const, value: phone?.e164 ?? p.phone, use: phone?.mobile === true ? 'mobile' as const : 'home' as const, rank: 1 }]),
    ...(p.email === null ? [] : [{ system: 'email' as const, value: p.email, use: 'home' as const, ...(p.phone === null ? { rank: 1 } : { rank: 2 }) }]),
  ];
  return {
    resourceType: 'Patient',
    text: narrative(p.name, telecom.map((t) => [t.system === 'phone' ? 'Phone' : 'Email', t.value ?? ''] as const)),
    identifier: [{ use: 'secondary', system: sys.personKeySystem, value: key }],
    name: [{ text: p.name }],
    telecom,
  };
}
