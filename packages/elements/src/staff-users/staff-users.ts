import { readUserView, STAFF_ROLES, type StaffRole, type UserView } from '@motcua/core/staff';
import { html } from 'lit';
import { api } from '../internal/api-client.js';
import { state } from '../internal/decorators.js';
import { defineElement } from '../internal/define.js';
import { StaffScreen } from '../internal/staff-screen.js';
import { blockStyles } from '../internal/styles.js';
import { type StaffUsersStringKey, staffUsersStrings } from './staff-users.strings.js';
import { staffUsersStyles } from './staff-users.styles.js';

export type { StaffUsersStringKey } from './staff-users.strings.js';

/**
 * The office's staff accounts for its admins, on the server's own origin: every account with its roles in this office
 * (counter officer, leader, admin) and whether it is disabled (`GET /api/users`); an account added with a first
 * password (`POST /api/users`), its roles changed, disabled or enabled again (`PATCH /api/users/{id}`: disabling ends
 * its sessions at once), a new password set (`POST /api/users/{id}/password`). Each change is recorded in the audit
 * trail by the server; its refusals are shown with their message and the field they concern. Passwords are never
 * shown again nor kept by the page. Without an admin session it asks to sign in.
 *
 * @summary Staff accounts (admins only): add, roles, disable, new password.
 * @csspart user - One account.
 * @csspart new-user - The form that adds an account.
 * @csspart message - What the last action said (done, or the server's refusal).
 * @cssproperty --motcua-staff-users-font-size - The base size (default 16px).
 * @cssproperty --motcua-staff-users-accent - Buttons (default #0b4f9c).
 * @cssproperty --motcua-staff-users-danger - Disabling (default #a4000f).
 * @cssproperty --motcua-staff-users-color - Text (default #1b1b1b).
 * @cssproperty --motcua-staff-users-background - Background (default #ffffff).
 *
 * @example
 * ```html
 * <script type="module" src="/cdn/motcua-staff-users.js"></script>
 * <motcua-staff-users sign-in-href="/dang-nhap.html"></motcua-staff-users>
 * ```
 */
export class MotcuaStaffUsers extends StaffScreen<StaffUsersStringKey> {
  /** The element's styles. */
  static override styles = [...StaffScreen.styles, blockStyles, staffUsersStyles];

  @state() private users: readonly UserView[] = [];
  /** The roles ticked for each account before they are saved, by id. */
  @state() private roles: Readonly<Record<string, readonly StaffRole[]>> = {};

  protected readonly defaultStrings = staffUsersStrings;

  private busy = false;

  override connectedCallback(): void {
    super.connectedCallback();
    void this.refresh();
  }

  protected shown() {
    return html`
      <section aria-labelledby="new-user">
        <h3 id="new-user">${this.t('newUser')}</h3>
        ${this.newUserForm()}
      </section>
      <section aria-labelledby="users">
        <h3 id="users">${this.t('users')}</h3>
        ${
          this.users.length === 0
            ? html`<p>${this.t('noUsers')}</p>`
            : html`<ul>
              ${this.users.map((u) => this.userView(u))}
            </ul>`
        }
      </section>`;
  }

  /** Role checkboxes named `name`, ticked for `ticked`. */
  private roleBoxes(name: string, ticked: readonly StaffRole[], change?: (roles: StaffRole[]) => void) {
    return html`<fieldset>
      <legend>${this.t('roles')}</legend>
      ${STAFF_ROLES.map(
        (role) =>
          html`<label class="check"
            ><input
              type="checkbox"
              name=${name}
              value=${role}
              .checked=${ticked.includes(role)}
              @change=${(e: Event) => {
                const box = e.target as HTMLInputElement;
                const boxes = [...(box.closest('fieldset')?.querySelectorAll('input') ?? [])];
                change?.(boxes.filter((b) => b.checked).map((b) => b.value as StaffRole));
              }}
            />${this.t(`role-${role}`)}</label
          >`,
      )}
    </fieldset>`;
  }

  private newUserForm() {
    return html`<div part="new-user">
      <div class="fields">
        <label for="username">${this.t('username')}</label>
        <input id="username" name="username" autocomplete="off" autocapitalize="none" spellcheck="false" maxlength="64" />
        <label for="display-name">${this.t('displayName')}</label>
        <input id="display-name" name="displayName" autocomplete="off" maxlength="100" />
        <label for="password">${this.t('password')}</label>
        <input
          id="password"
          name="password"
          type="password"
          autocomplete="new-password"
          minlength="10"
          aria-describedby="password-hint"
        />
      </div>
      <p class="hint" id="password-hint">${this.t('passwordHint')}</p>
      ${this.roleBoxes('new-roles', ['officer'])}
      <button type="button" @click=${() => this.create()}>${this.t('create')}</button>
    </div>`;
  }

  private userView(u: UserView) {
    const id = (field: string) => `${field}-${u.id}`;
    return html`<li part="user" class=${u.disabled ? 'disabled' : ''}>
      <h4>${u.displayName} (${u.username})</h4>
      <p>${this.t(u.disabled ? 'disabled' : 'active')}</p>
      ${this.roleBoxes(id('roles'), this.roles[u.id] ?? u.roles, (roles) => {
        this.roles = { ...this.roles, [u.id]: roles };
      })}
      <button type="button" @click=${() => this.saveRoles(u)}>${this.t('saveRoles')}</button>
      <button type="button" class=${u.disabled ? '' : 'danger'} @click=${() => this.setDisabled(u, !u.disabled)}>
        ${this.t(u.disabled ? 'enable' : 'disable')}
      </button>
      <div class="fields">
        <label for=${id('password')}>${this.t('newPassword')}</label>
        <input id=${id('password')} name="password" type="password" autocomplete="new-password" minlength="10" />
      </div>
      <button type="button" @click=${() => this.setPassword(u, id('password'))}>${this.t('setPassword')}</button>
    </li>`;
  }

  private field(id: string): HTMLInputElement | null | undefined {
    return this.shadowRoot?.querySelector<HTMLInputElement>(`#${CSS.escape(id)}`);
  }

  private async refresh(): Promise<void> {
    try {
      const answer = (await api('api/users', { signal: this.requests.signal })) as { users?: unknown } | undefined;
      const list = Array.isArray(answer?.users) ? answer.users : [];
      this.users = list.map(readUserView).filter((u): u is UserView => u !== undefined);
      this.roles = {};
      this.phase = 'shown';
    } catch (error) {
      if (this.failed(error) && this.phase === 'loading') this.phase = 'failed';
    }
  }

  /** Runs one change at a time, then says `done` (or the refusal) and reads the accounts again. */
  private async act(request: () => Promise<unknown>, done: string): Promise<boolean> {
    if (this.busy) return false;
    this.busy = true;
    try {
      await request();
      this.message = { kind: 'status', text: done };
    } catch (error) {
      this.failed(error);
      return false;
    } finally {
      this.busy = false;
    }
    await this.refresh();
    return true;
  }

  private async create(): Promise<void> {
    const username = this.field('username')?.value.trim() ?? '';
    const displayName = this.field('display-name')?.value.trim() ?? '';
    const password = this.field('password');
    const roles = [
      ...(this.shadowRoot?.querySelectorAll<HTMLInputElement>('input[name="new-roles"]:checked') ?? []),
    ].map((b) => b.value);
    const body = { username, ...(displayName ? { displayName } : {}), password: password?.value ?? '', roles };
    const ok = await this.act(
      () => api('api/users', { body, signal: this.requests.signal }),
      this.t('created', { username }),
    );
    // The password leaves the page either way; the other fields stay to be corrected after a refusal.
    if (password) password.value = '';
    if (!ok) return;
    for (const id of ['username', 'display-name']) {
      const input = this.field(id);
      if (input) input.value = '';
    }
  }

  private saveRoles(u: UserView): Promise<boolean> {
    const roles = this.roles[u.id] ?? u.roles;
    return this.act(
      () =>
        api(`api/users/${encodeURIComponent(u.id)}`, {
          method: 'PATCH',
          body: { roles },
          signal: this.requests.signal,
        }),
      this.t('rolesSaved', { username: u.username }),
    );
  }

  private setDisabled(u: UserView, disabled: boolean): Promise<boolean> {
    return this.act(
      () =>
        api(`api/users/${encodeURIComponent(u.id)}`, {
          method: 'PATCH',
          body: { disabled },
          signal: this.requests.signal,
        }),
      this.t(disabled ? 'disabledDone' : 'enabledDone', { username: u.username }),
    );
  }

  private async setPassword(u: UserView, fieldId: string): Promise<void> {
    const field = this.field(fieldId);
    const password = field?.value ?? '';
    if (field) field.value = '';
    await this.act(
      () => api(`api/users/${encodeURIComponent(u.id)}/password`, { body: { password }, signal: this.requests.signal }),
      this.t('passwordSet', { username: u.username }),
    );
  }
}

defineElement('motcua-staff-users', MotcuaStaffUsers);

declare global {
  interface HTMLElementTagNameMap {
    'motcua-staff-users': MotcuaStaffUsers;
  }
}
