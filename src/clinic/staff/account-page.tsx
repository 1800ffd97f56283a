// The signed-in person's own account: sign out everywhere, and optional two-step sign-in (TOTP).
import type { Site } from '../../web/site.js';
import type { StaffPrincipal } from '../auth/staff-principal.js';
import { ErrorSummary, Hidden, TextField, type FieldError } from '../views/form-parts.js';
import { Notice, StaffPage } from '../views/staff-layout.js';

export function AccountPage(p: { site: Site; staff: StaffPrincipal; csrf: string; errors: readonly FieldError[]; notice?: string; setup?: { secret: string; uri: string } }) {
  return (
    <StaffPage site={p.site} title="Your account" staff={p.staff} csrf={p.csrf} hasError={p.errors.length > 0}>
      <ErrorSummary errors={p.errors} />
      <Notice text={p.notice} />
      <h1>Your account</h1>
      <dl class="sum">
        <div><dt>Name</dt><dd>{p.staff.name}</dd></div>
        <div><dt>Email</dt><dd>{p.staff.email}</dd></div>
        <div><dt>Role</dt><dd>{p.staff.role}</dd></div>
      </dl>
      <h2>Sign out everywhere</h2>
      <p>Ends your sessions on every computer and phone, including this one.</p>
      <form method="post" action="/clinic/logout-everywhere">
        <Hidden name="_csrf" value={p.csrf} />
        <button class="btn btn-2" type="submit">Sign out everywhere</button>
      </form>
      <h2>Two-step sign-in</h2>
      {p.staff.totpEnabled ? (
        <form method="post" action="/clinic/account/totp/disable" novalidate>
          <p>Two-step sign-in is on. To turn it off, enter a code from your app.</p>
          <Hidden name="_csrf" value={p.csrf} />
          <TextField id="code" label="Security code" value="" errors={p.errors} autocomplete="one-time-code" inputmode="numeric" maxlength={8} width="short" />
          <button class="btn btn-2" type="submit">Turn off two-step sign-in</button>
        </form>
      ) : p.setup === undefined ? (
        <form method="post" action="/clinic/account/totp/start">
          <p>Ask for a code from an authenticator app as well as your password when you sign in.</p>
          <Hidden name="_csrf" value={p.csrf} />
          <button class="btn btn-2" type="submit">Set up two-step sign-in</button>
        </form>
      ) : (
        <form method="post" action="/clinic/account/totp/confirm" novalidate>
          <p>Add this key to your authenticator app, then enter the code it shows.</p>
          <p class="code" id="totp-secret">{p.setup.secret}</p>
          <p class="code">{p.setup.uri}</p>
          <Hidden name="_csrf" value={p.csrf} />
          <Hidden name="secret" value={p.setup.secret} />
          <TextField id="code" label="Security code" value="" errors={p.errors} autocomplete="one-time-code" inputmode="numeric" maxlength={8} width="short" />
          <button class="btn" type="submit">Turn on two-step sign-in</button>
        </form>
      )}
    </StaffPage>
  );
}
