// Sign-in, first-admin setup and set-a-password pages.
import type { Site } from '../../web/site.js';
import { MIN_PASSWORD_LENGTH } from '../auth/password.js';
import { ErrorSummary, Hidden, TextField, type FieldError } from '../views/form-parts.js';
import { Notice, StaffPage } from '../views/staff-layout.js';

export function LoginPage(p: { site: Site; csrf: string; email: string; next: string; errors: readonly FieldError[]; notice?: string }) {
  return (
    <StaffPage site={p.site} title="Sign in" hasError={p.errors.length > 0}>
      <ErrorSummary errors={p.errors} />
      <Notice text={p.notice} />
      <h1>Sign in to the clinic inbox</h1>
      <form method="post" action="/clinic/login" novalidate>
        <Hidden name="_csrf" value={p.csrf} />
        <Hidden name="next" value={p.next} />
        <TextField id="email" label="Email address" type="email" value={p.email} errors={p.errors} autocomplete="username" maxlength={254} />
        <TextField id="password" label="Password" type="password" value="" errors={p.errors} autocomplete="current-password" maxlength={200} />
        <TextField id="code" label="Security code (only if you set up two-step sign-in)" value="" errors={p.errors}
          autocomplete="one-time-code" inputmode="numeric" maxlength={8} width="short" />
        <button class="btn" type="submit">Sign in</button>
      </form>
      <p>Forgotten your password? Ask an admin for a reset link.</p>
    </StaffPage>
  );
}

export function SetPasswordPage(p: {
  site: Site; csrf: string; action: string; title: string; intro: string; askName: boolean;
  fields: { name: string; email: string }; errors: readonly FieldError[];
}) {
  return (
    <StaffPage site={p.site} title={p.title} hasError={p.errors.length > 0}>
      <ErrorSummary errors={p.errors} />
      <h1>{p.title}</h1>
      <p>{p.intro}</p>
      <form method="post" action={p.action} novalidate>
        <Hidden name="_csrf" value={p.csrf} />
        {p.askName ? <>
          <TextField id="name" label="Your name" value={p.fields.name} errors={p.errors} autocomplete="name" maxlength={100} />
          <TextField id="email" label="Email address" type="email" value={p.fields.email} errors={p.errors} autocomplete="username" maxlength={254} />
        </> : null}
        <TextField id="password" label="New password" hint={`At least ${MIN_PASSWORD_LENGTH} characters. A few unrelated words make a good one.`}
          type="password" value="" errors={p.errors} autocomplete="new-password" maxlength={200} />
        <TextField id="confirm" label="New password again" type="password" value="" errors={p.errors} autocomplete="new-password" maxlength={200} />
        <button class="btn" type="submit">Save password</button>
      </form>
    </StaffPage>
  );
}

export function LinkUnusablePage({ site }: { site: Site }) {
  return (
    <StaffPage site={site} title="This link does not work">
      <h1>This link does not work</h1>
      <p>It may have been used already or be too old. Ask an admin for a new link.</p>
      <p><a href="/clinic/login">Go to sign in</a></p>
    </StaffPage>
  );
}
