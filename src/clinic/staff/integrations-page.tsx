// The admin's integrations page: the records system's API clients and webhooks, a new key or secret shown once, and
// the webhook delivery log.
import type { ApiClient } from '../../db/api-client-repo.js';
import type { DeliveryLogRow, WebhookEndpoint } from '../../db/webhook-repo.js';
import type { Site } from '../../web/site.js';
import type { StaffPrincipal } from '../auth/staff-principal.js';
import { formatTime } from '../format-time.js';
import { ErrorSummary, Hidden, TextField, type FieldError } from '../views/form-parts.js';
import { Notice, StaffPage } from '../views/staff-layout.js';

export const LOG_PAGE_SIZE = 50;

/** A secret just made: shown on this one page and never again. */
export interface ShownOnce {
  kind: 'key' | 'secret';
  /** The client's name or the webhook's URL. */
  label: string;
  value: string;
}

export interface IntegrationsProps {
  site: Site;
  staff: StaffPrincipal;
  csrf: string;
  timeZone: string;
  baseUrl: string;
  clients: readonly ApiClient[];
  endpoints: readonly WebhookEndpoint[];
  log: { rows: readonly DeliveryLogRow[]; total: number; page: number };
  errors: readonly FieldError[];
  typed: { name: string; url: string };
  shown?: ShownOnce;
  notice?: string;
}

function PostButton(p: { action: string; csrf: string; label: string; hidden: string }) {
  return (
    <form method="post" action={p.action}>
      <Hidden name="_csrf" value={p.csrf} />
      <button class="link-btn" type="submit">{p.label}<span class="visually-hidden"> {p.hidden}</span></button>
    </form>
  );
}

function Shown({ shown }: { shown: ShownOnce | undefined }) {
  if (shown === undefined) return null;
  return (
    <div class="inset" id="shown-once">
      <p>{shown.kind === 'key'
        ? `The API key for ${shown.label}. Copy it now and give it to the records system by a secure channel: it is shown only this once.`
        : `The signing secret for ${shown.label}. Copy it now into the receiving system: it is shown only this once.`}</p>
      <p class="code">{shown.value}</p>
    </div>
  );
}

function ClientsTable(p: IntegrationsProps) {
  if (p.clients.length === 0) return <p>There are no API clients yet.</p>;
  return (
    <table class="st-table" id="api-clients">
      <thead><tr><th scope="col">Name</th><th scope="col">Can</th><th scope="col">Created</th><th scope="col">Last used</th><th scope="col">State</th><th scope="col">Actions</th></tr></thead>
      <tbody>
        {p.clients.map((c) => (
          <tr>
            <td>{c.name}</td>
            <td>Read sent results (FHIR)</td>
            <td>{formatTime(c.createdAt, p.timeZone)}{c.createdByName === null ? '' : ` by ${c.createdByName}`}</td>
            <td>{c.lastUsedAt === null ? 'Never' : formatTime(c.lastUsedAt, p.timeZone)}</td>
            <td>{c.revokedAt === null ? 'Active' : `Revoked ${formatTime(c.revokedAt, p.timeZone)}`}</td>
            <td>{c.revokedAt === null ? <PostButton action={`/clinic/integrations/clients/${c.id}/revoke`} csrf={p.csrf} label="Revoke" hidden={c.name} /> : null}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function EndpointsTable(p: IntegrationsProps) {
  if (p.endpoints.length === 0) return <p>No webhook is set.</p>;
  return (
    <table class="st-table" id="webhooks">
      <thead><tr><th scope="col">Address</th><th scope="col">Added</th><th scope="col">State</th><th scope="col">Actions</th></tr></thead>
      <tbody>
        {p.endpoints.map((e) => (
          <tr>
            <td class="code">{e.url}</td>
            <td>{formatTime(e.createdAt, p.timeZone)}</td>
            <td>{e.disabledAt === null ? 'Active' : `Removed ${formatTime(e.disabledAt, p.timeZone)}`}</td>
            <td>{e.disabledAt === null ? <PostButton action={`/clinic/integrations/webhooks/${e.id}/remove`} csrf={p.csrf} label="Remove" hidden={e.url} /> : null}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

const STATUS_WORDS: Readonly<Record<DeliveryLogRow['status'], string>> = { pending: 'Waiting to send', delivered: 'Delivered', failed: 'Given up' };

function DeliveryLog(p: IntegrationsProps) {
  const pages = Math.max(1, Math.ceil(p.log.total / LOG_PAGE_SIZE));
  if (p.log.rows.length === 0) return <p>Nothing has been sent yet.</p>;
  return (
    <>
      <table class="st-table" id="deliveries">
        <thead><tr><th scope="col">When</th><th scope="col">To</th><th scope="col">Submission</th><th scope="col">State</th><th scope="col">Tries</th><th scope="col">Last answer</th><th scope="col">Next try</th><th scope="col">Actions</th></tr></thead>
        <tbody>
          {p.log.rows.map((d) => (
            <tr data-delivery={d.id}>
              <td>{formatTime(d.createdAt, p.timeZone)}</td>
              <td class="code">{d.endpointUrl}</td>
              <td class="code">{d.submissionId}</td>
              <td>{STATUS_WORDS[d.status]}{d.deliveredAt === null ? '' : ` ${formatTime(d.deliveredAt, p.timeZone)}`}</td>
              <td>{d.attempts}</td>
              <td class="code">{d.lastStatus === null ? (d.lastError ?? '') : `HTTP ${d.lastStatus}`}</td>
              <td>{d.status === 'pending' ? formatTime(d.nextAttemptAt, p.timeZone) : ''}</td>
              <td>{d.status === 'failed' ? <PostButton action={`/clinic/integrations/deliveries/${d.id}/retry`} csrf={p.csrf} label="Send again" hidden={d.submissionId} /> : null}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <nav class="pager" aria-label="Delivery log pages">
        {p.log.page > 1 ? <a href={`/clinic/integrations?page=${p.log.page - 1}`}>Newer</a> : null} Page {p.log.page} of {pages}{' '}
        {p.log.page < pages ? <a href={`/clinic/integrations?page=${p.log.page + 1}`}>Older</a> : null}
      </nav>
    </>
  );
}

export function IntegrationsPage(p: IntegrationsProps) {
  return (
    <StaffPage site={p.site} title="Integrations" staff={p.staff} csrf={p.csrf} hasError={p.errors.length > 0}>
      <ErrorSummary errors={p.errors} />
      <Notice text={p.notice} />
      <Shown shown={p.shown} />
      <h1>Integrations</h1>
      <p>How the clinic's records system reads sent results: an API key to fetch them as FHIR, and a webhook that says when a
        new one arrives. See docs/fhir.md for the details a developer needs.</p>

      <h2>API clients</h2>
      <ClientsTable {...p} />
      <form method="post" action="/clinic/integrations/clients" novalidate>
        <Hidden name="_csrf" value={p.csrf} />
        <TextField id="name" label="Name of the system" hint="For example the name of the records system. Every read it makes is logged under this name." value={p.typed.name} errors={p.errors} maxlength={100} />
        <button class="btn" type="submit">Create a read-only API key</button>
      </form>
      <p>Searches go to <span class="code">{p.baseUrl}/fhir/QuestionnaireResponse</span> with the header <span class="code">Authorization: Bearer &lt;key&gt;</span>.</p>

      <h2>Webhooks</h2>
      <EndpointsTable {...p} />
      <form method="post" action="/clinic/integrations/webhooks" novalidate>
        <Hidden name="_csrf" value={p.csrf} />
        <TextField id="url" label="Address to notify" hint="An https:// address (http:// only on this machine). It gets the id of each new sent result, never personal details." value={p.typed.url} errors={p.errors} maxlength={2000} />
        <button class="btn" type="submit">Add and show the signing secret</button>
      </form>

      <h2>Delivery log</h2>
      <DeliveryLog {...p} />
    </StaffPage>
  );
}
