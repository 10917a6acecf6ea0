/**
 * The dossier intake form of `<motcua-counter-console>`, loaded when the officer first opens it: the procedure
 * picked from the catalogue with core's diacritic-insensitive search, the documents received ticked, the
 * applicant's contact, then `POST /api/dossiers` (linked to the counter's ticket, with an `Idempotency-Key` kept for
 * retries) and the receipt slip.
 */
import { type Catalogue, type Procedure, searchProcedures } from '@motcua/core/catalogue';
import type { ReceiptSlip } from '@motcua/core/deadline';
import { css, html, nothing } from 'lit';
import { ApiFailure, type ApiOptions, api } from '../internal/api-client.js';
import type { EventDetail } from '../internal/base.js';
import type { Language } from '../internal/i18n.js';
import { newIdempotencyKey } from '../internal/idempotency-key.js';
import type { CounterTicket } from './counter-console.events.js';
import type { CounterConsoleStringKey } from './counter-console.strings.js';

export { intakeStrings } from './intake.strings.js';

/** The intake form's styles, adopted by the console when the form loads. */
export const intakeStyles = css`
  form,
  [part~='receipt'] {
    border-top: 1px solid var(--motcua-color-border, #c4c7c5);
    padding-top: 0.75em;
    display: grid;
    gap: 0.5em;
    max-width: 40em;
  }
  h3 {
    font-size: 1.15em;
    margin: 0;
  }
  fieldset {
    border: 1px solid var(--motcua-color-border, #c4c7c5);
    border-radius: var(--motcua-radius, 4px);
    display: grid;
    gap: 0.5em;
    padding: 0.5em 0.75em 0.75em;
    margin: 0;
  }
  legend {
    font-weight: 600;
    padding: 0 0.25em;
  }
  label {
    font-weight: 600;
  }
  input[type='search'],
  input[type='text'],
  input[type='tel'],
  input[type='email'] {
    font: inherit;
    min-height: var(--motcua-touch-target, 44px);
    padding: 0 0.5em;
    border: 1px solid var(--motcua-color-border, #747775);
    border-radius: var(--motcua-radius, 4px);
    width: 100%;
  }
  input[aria-invalid='true'] {
    border-color: var(--motcua-color-danger, #b3261e);
  }
  .check {
    display: flex;
    align-items: center;
    gap: 0.5em;
    min-height: var(--motcua-touch-target, 44px);
    font-weight: normal;
  }
  .check input {
    width: 1.25em;
    height: 1.25em;
    margin: 0;
  }
  .hint {
    color: var(--motcua-color-muted, #444746);
    font-size: 0.875em;
    margin: 0;
  }
  ul {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: 0.25em;
  }
  [part~='procedure'] {
    width: 100%;
    text-align: start;
    background: var(--motcua-color-surface, #fff);
    color: inherit;
    border-color: var(--motcua-color-border, #747775);
  }
  .error {
    color: var(--motcua-color-danger, #b3261e);
    font-weight: 600;
    margin: 0;
  }
  dl {
    display: grid;
    grid-template-columns: max-content 1fr;
    gap: 0.25em 1em;
    margin: 0;
  }
  dt {
    font-weight: 600;
  }
  dd {
    margin: 0;
    overflow-wrap: anywhere;
  }
  .pin {
    font-size: 1.5em;
    font-weight: 700;
    letter-spacing: 0.1em;
  }
`;

/** What the intake form reads and uses of the console (the console itself). */
export interface IntakeConsole {
  readonly language: Language;
  requestUpdate(): void;
  /** Waits for `work` in the console's `updateComplete`. */
  track<T>(work: Promise<T>): Promise<T>;
  /** The catalogue's address. */
  readonly catalogue: string;
  /** The ticket the counter shows. */
  readonly ticket: CounterTicket | undefined;
  /** The credentials of the console's requests: the counter's token, else the officer's session and counter. */
  auth(): Pick<ApiOptions, 'token' | 'headers'>;
  /** A command for the counter's ticket ("done"), as its button does. */
  run(action: 'done'): Promise<boolean>;
  /** The rating tokens of finished tickets, by ticket id. */
  readonly ratingTokens: ReadonlyMap<string, string>;
  /** A failure as the officer reads it. */
  describe(error: unknown): string;
  emit<E extends keyof HTMLElementEventMap>(type: E, detail: EventDetail<E>): boolean;
  focusField(id: string): void;
}

/** What the intake form needs from the console beside it (parts.ts). */
export interface IntakeHost {
  /** The console's `t`, callable on its own. */
  t(key: CounterConsoleStringKey, params?: Readonly<Record<string, string | number>>): string;
  /** What the receipt slip says about the office: its place and the receiving officer, when set. */
  receipt(): { readonly place?: string; readonly receivedBy?: string };
  print(slip: ReceiptToPrint): Promise<void>;
}

/** A received dossier's slip, as the print view takes it. */
export interface ReceiptToPrint {
  readonly receipt: ReceiptSlip;
  readonly pin: string;
  /** The rating token of the ticket the dossier is linked to, once it is finished. */
  readonly ratingToken?: string | undefined;
}

type Form = 'original' | 'copy' | 'certified-copy';
type Delivery = 'counter' | 'post' | 'online';

interface DocumentRow {
  readonly name: string;
  readonly form: Form;
  readonly copies: number;
  checked: boolean;
}

interface Received {
  readonly code: string;
  readonly pin: string;
  readonly receipt: ReceiptSlip;
  readonly ticket: CounterTicket | undefined;
}

/** Ticket statuses a dossier can be linked in (core's `link-dossier`). */
const LINKABLE = new Set(['called', 'serving', 'done']);
const ACTIVE = new Set(['called', 'serving']);
const FORMS: readonly Form[] = ['original', 'copy', 'certified-copy'];

/**
 * A time of the slip in the officer's language: the slip's own words in Vietnamese ("10 giờ 05 phút, ngày 09 tháng
 * 03 năm 2026"), `10:05, 09/03/2026` in English. The ISO string is in Vietnam time.
 */
export function slipTimeText(iso: string, words: string, language: Language): string {
  if (language === 'vi') return words;
  return `${iso.slice(11, 16)}, ${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
}

/** The procedures of a catalogue from the server, with what search and intake read checked. */
function proceduresOf(value: unknown): Procedure[] {
  const list = (value as { procedures?: unknown } | null)?.procedures;
  if (!Array.isArray(list)) throw new ApiFailure(200, 'malformed');
  return list.flatMap((p: Record<string, unknown> | null) => {
    if (!p || typeof p.code !== 'string' || typeof p.name !== 'string') return [];
    return [
      {
        ...p,
        field: typeof p.field === 'string' ? p.field : '',
        levels: Array.isArray(p.levels) ? p.levels : [],
        channels: Array.isArray(p.channels) ? p.channels : [],
        localSuffix: typeof p.localSuffix === 'string' ? p.localSuffix : undefined,
        documents: Array.isArray(p.documents) ? p.documents : [],
      } as unknown as Procedure,
    ];
  });
}

function documentRows(procedure: Procedure): DocumentRow[] {
  return (procedure.documents ?? []).flatMap((d) =>
    d && typeof d.name === 'string'
      ? [
          {
            name: d.name,
            form: d.form === 'copy' || d.form === 'certified-copy' ? d.form : 'original',
            copies: Number.isInteger(d.copies) && (d.copies as number) > 0 ? (d.copies as number) : 1,
            checked: false,
          },
        ]
      : [],
  );
}

/**
 * The intake form's state and rendering; the console renders it inside its own shadow root.
 *
 * @example
 * ```ts
 * const intake = new DossierIntake(host);
 * await intake.load();
 * render(intake.render(), root);
 * ```
 */
export class DossierIntake {
  private phase: 'loading' | 'failed' | 'ready' = 'loading';
  /** Why the catalogue could not be loaded, as the server said. */
  private catalogueError = '';
  private catalogue: Catalogue | undefined;
  private query = '';
  private procedure: Procedure | undefined;
  private documents: DocumentRow[] = [];
  private other = '';
  private otherForm: Form = 'original';
  private applicant = { name: '', address: '', phone: '', email: '' };
  private delivery: Delivery = 'counter';
  /** Received for a competent authority elsewhere (a procedure accepted regardless of boundary). */
  private across = false;
  private sending = false;
  /** The Idempotency-Key of the dossier being sent, kept until the server answers for good. */
  private key: string | undefined;
  private error = '';
  private problems: readonly string[] = [];
  private invalid = '';
  private result: Received | undefined;
  private note = '';

  constructor(
    private readonly console: IntakeConsole,
    private readonly host: IntakeHost,
  ) {}

  /** Fetches the catalogue. */
  async load(): Promise<void> {
    this.phase = 'loading';
    this.console.requestUpdate();
    try {
      const procedures = proceduresOf(await api(this.console.catalogue));
      this.catalogue = { procedures } as unknown as Catalogue;
      this.phase = 'ready';
    } catch (error) {
      this.catalogueError =
        error instanceof ApiFailure && error.code === 'malformed' ? '' : this.console.describe(error);
      this.phase = 'failed';
    }
    this.console.requestUpdate();
  }

  render() {
    const t = this.host.t;
    if (this.result) return this.renderResult(this.result);
    return html`<form part="intake-form" novalidate aria-labelledby="intake-heading" @submit=${this.onSubmit}>
      <h3 id="intake-heading">${t('intakeHeading')}</h3>
      ${
        this.phase === 'loading'
          ? html`<p>${t('catalogueLoading')}</p>`
          : this.phase === 'failed'
            ? html`<p class="error" role="alert">${t('catalogueFailed')} ${this.catalogueError}</p>
              <button part="button" type="button" @click=${() => void this.console.track(this.load())}>${t('retry')}</button>`
            : this.procedure
              ? this.renderChosen(this.procedure)
              : this.renderSearch()
      }
      ${this.procedure ? this.renderDocuments() : nothing} ${this.renderApplicant()}
      <p class="hint" id="ticket-link">${this.linkText()}</p>
      <div role="alert">
        ${this.error ? html`<p class="error">${this.error}</p>` : nothing}
        ${this.problems.length > 0 ? html`<ul class="error">${this.problems.map((p) => html`<li>${p}</li>`)}</ul>` : nothing}
      </div>
      <div>
        <button part="button receive" type="submit" ?disabled=${this.sending}>
          ${this.sending ? t('receiving') : t('receive')}
        </button>
      </div>
    </form>`;
  }

  private renderSearch() {
    const t = this.host.t;
    const hits = this.hits();
    const query = this.query.trim();
    return html`<label for="procedure-search">${t('searchLabel')}</label>
      <p class="hint" id="procedure-search-hint">${t('searchHint')}</p>
      <input
        id="procedure-search"
        type="search"
        autocomplete="off"
        spellcheck="false"
        aria-describedby="procedure-search-hint"
        aria-controls="procedure-results"
        aria-invalid=${this.invalid === 'procedure-search' ? 'true' : 'false'}
        .value=${this.query}
        @input=${(e: Event) => {
          this.query = (e.target as HTMLInputElement).value;
          this.console.requestUpdate();
        }}
        @keydown=${(e: KeyboardEvent) => {
          if (e.key !== 'Enter') return;
          e.preventDefault();
          const [first] = this.hits();
          if (first) this.choose(first);
        }}
      />
      <p class="hint" role="status">
        ${query ? (hits.length > 0 ? t('results', { count: hits.length }) : t('noResults')) : nothing}
      </p>
      <ul id="procedure-results" part="procedures">
        ${hits.map(
          (p) =>
            html`<li><button part="button procedure" type="button" @click=${() => this.choose(p)}>${p.name} (${p.code})</button></li>`,
        )}
      </ul>`;
  }

  private renderChosen(procedure: Procedure) {
    const t = this.host.t;
    return html`<p id="procedure-chosen" tabindex="-1">${t('procedure', { name: procedure.name, code: procedure.code })}</p>
      <div>
        <button part="button" type="button" @click=${this.changeProcedure}>${t('changeProcedure')}</button>
      </div>
      ${
        procedure.flags?.nationwide || procedure.flags?.boundaryFree
          ? html`<label class="check"
              ><input
                type="checkbox"
                id="across-boundary"
                .checked=${this.across}
                @change=${(e: Event) => {
                  this.across = (e.target as HTMLInputElement).checked;
                }}
              />${t('acrossBoundary')}</label
            >`
          : nothing
      }`;
  }

  private renderDocuments() {
    const t = this.host.t;
    return html`<fieldset part="documents">
      <legend>${t('documents')}</legend>
      ${this.documents.length === 0 ? html`<p class="hint">${t('noDocuments')}</p>` : nothing}
      ${this.documents.map(
        (d, i) =>
          html`<label class="check"
            ><input
              type="checkbox"
              id=${`document-${i}`}
              .checked=${d.checked}
              @change=${(e: Event) => {
                d.checked = (e.target as HTMLInputElement).checked;
                this.console.requestUpdate();
              }}
            />${d.name} — ${t(`form-${d.form}`)}, ${t('copies', { copies: d.copies })}</label
          >`,
      )}
      <label for="other-document">${t('otherDocument')}</label>
      <input
        id="other-document"
        type="text"
        autocomplete="off"
        .value=${this.other}
        @input=${(e: Event) => {
          this.other = (e.target as HTMLInputElement).value;
          // Rendered as typed, so that clearing it after Enter is a change the field takes.
          this.console.requestUpdate();
        }}
        @keydown=${(e: KeyboardEvent) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            this.addDocument();
          }
        }}
      />
      <label for="other-form">${t('otherForm')}</label>
      <select
        id="other-form"
        @change=${(e: Event) => {
          this.otherForm = (e.target as HTMLSelectElement).value as Form;
        }}
      >
        ${FORMS.map((f) => html`<option value=${f} ?selected=${f === this.otherForm}>${t(`form-${f}`)}</option>`)}
      </select>
      <div><button part="button" type="button" @click=${this.addDocument}>${t('addDocument')}</button></div>
    </fieldset>`;
  }

  private renderApplicant() {
    const t = this.host.t;
    const field = (name: keyof DossierIntake['applicant'], type: string, autocomplete = 'off') =>
      html`<label for=${`applicant-${name}`}>${t(name)}</label>
        <input
          id=${`applicant-${name}`}
          type=${type}
          autocomplete=${autocomplete}
          ?required=${name === 'name'}
          aria-invalid=${this.invalid === `applicant-${name}` ? 'true' : 'false'}
          .value=${this.applicant[name]}
          @input=${(e: Event) => {
            this.applicant[name] = (e.target as HTMLInputElement).value;
          }}
        />`;
    return html`<fieldset part="applicant">
      <legend>${t('applicant')}</legend>
      ${field('name', 'text')} ${field('address', 'text')} ${field('phone', 'tel')} ${field('email', 'email')}
      <label for="delivery">${t('delivery')}</label>
      <select
        id="delivery"
        @change=${(e: Event) => {
          this.delivery = (e.target as HTMLSelectElement).value as Delivery;
        }}
      >
        ${(['counter', 'post', 'online'] as const).map(
          (d) => html`<option value=${d} ?selected=${d === this.delivery}>${t(`delivery-${d}`)}</option>`,
        )}
      </select>
    </fieldset>`;
  }

  private renderResult(r: Received) {
    const t = this.host.t;
    const language = this.console.language;
    const current = this.console.ticket;
    const finishable = r.ticket?.id !== undefined && current?.id === r.ticket.id && ACTIVE.has(current.status);
    return html`<section part="receipt" aria-labelledby="received-heading">
      <h3 id="received-heading" tabindex="-1">${t('received', { code: r.code })}</h3>
      <dl>
        <dt>${t('code')}</dt>
        <dd>${r.code}</dd>
        <dt>${t('pin')}</dt>
        <dd class="pin">${r.pin}</dd>
        <dt>${t('dueAt')}</dt>
        <dd><time datetime=${r.receipt.dueAt}>${slipTimeText(r.receipt.dueAt, r.receipt.dueAtText, language)}</time></dd>
        ${r.ticket ? html`<dt>${t('ticket')}</dt><dd>${r.ticket.number}</dd>` : nothing}
      </dl>
      ${r.receipt.acrossBoundary ? html`<p lang="vi">${r.receipt.acrossBoundary.note}</p>` : nothing}
      <div class="row">
        ${
          finishable
            ? html`<button part="button finish-print" type="button" @click=${() => void this.console.track(this.finishAndPrint())}>
              ${t('finishAndPrint', { number: r.ticket?.number ?? '' })}
            </button>`
            : nothing
        }
        <button part="button print" type="button" @click=${() => void this.console.track(this.print())}>${t('print')}</button>
        <button part="button" type="button" @click=${this.another}>${t('another')}</button>
      </div>
      <p role="status" class="hint">${this.note}</p>
    </section>`;
  }

  private linkText(): string {
    const ticket = this.linkable();
    return ticket ? this.host.t('linkTicket', { number: ticket.number }) : this.host.t('noTicketLink');
  }

  /** The counter's ticket the dossier will be linked to: one called, being served or just finished. */
  private linkable(): CounterTicket | undefined {
    const ticket = this.console.ticket;
    return ticket?.id !== undefined && LINKABLE.has(ticket.status) ? ticket : undefined;
  }

  private hits(): Procedure[] {
    if (!this.catalogue || !this.query.trim()) return [];
    return searchProcedures(this.catalogue, this.query, { limit: 8 }).map((hit) => hit.procedure);
  }

  private choose(procedure: Procedure): void {
    this.procedure = procedure;
    this.documents = documentRows(procedure);
    if (this.invalid === 'procedure-search') this.invalid = '';
    this.console.requestUpdate();
    this.console.focusField('procedure-chosen');
  }

  private readonly changeProcedure = (): void => {
    this.procedure = undefined;
    this.documents = [];
    this.across = false;
    this.console.requestUpdate();
    this.console.focusField('procedure-search');
  };

  private readonly addDocument = (): void => {
    const name = this.other.trim();
    if (!name) {
      this.console.focusField('other-document');
      return;
    }
    this.documents = [...this.documents, { name, form: this.otherForm, copies: 1, checked: true }];
    this.other = '';
    this.console.requestUpdate();
    this.console.focusField('other-document');
  };

  private readonly onSubmit = (event: Event): void => {
    event.preventDefault();
    void this.console.track(this.receive());
  };

  /** Sends the dossier; after a network failure, sending again reuses its Idempotency-Key. */
  async receive(): Promise<void> {
    if (this.sending) return;
    const t = this.host.t;
    const checked = this.documents.filter((d) => d.checked);
    const name = this.applicant.name.trim();
    const [problem, field] = !this.procedure
      ? [t('needProcedure'), 'procedure-search']
      : !name
        ? [t('needName'), 'applicant-name']
        : checked.length === 0
          ? [t('needDocuments'), this.documents.length > 0 ? 'document-0' : 'other-document']
          : [undefined, ''];
    this.problems = [];
    if (problem || !this.procedure) {
      this.error = problem ?? '';
      this.invalid = field;
      this.console.requestUpdate();
      this.console.focusField(field);
      return;
    }
    this.invalid = '';
    this.error = '';
    const ticket = this.linkable();
    const applicant: Record<string, string> = { name };
    for (const key of ['address', 'phone', 'email'] as const) {
      const value = this.applicant[key].trim();
      if (value) applicant[key] = value;
    }
    const body = {
      procedure: this.procedure.code,
      applicant,
      documents: checked.map((d) => ({ name: d.name, form: d.form, copies: d.copies })),
      delivery: this.delivery,
      ...(this.across ? { acrossBoundary: true } : {}),
      ...this.host.receipt(),
      ...(ticket?.id ? { ticket: ticket.id } : {}),
    };
    this.key ??= newIdempotencyKey();
    this.sending = true;
    this.console.requestUpdate();
    try {
      const answer = (await api('api/dossiers', {
        ...this.console.auth(),
        body,
        key: this.key,
      })) as Partial<Received> | null;
      this.key = undefined;
      const receipt = answer?.receipt;
      if (typeof answer?.code !== 'string' || typeof answer.pin !== 'string' || typeof receipt?.dueAt !== 'string') {
        this.error = t('malformedAnswer');
        return;
      }
      this.result = { code: answer.code, pin: answer.pin, receipt, ticket };
      this.note = '';
      this.console.emit('motcua-dossier-received', {
        code: answer.code,
        ticket: ticket?.id ?? null,
      });
      this.console.focusField('received-heading');
    } catch (error) {
      if (error instanceof ApiFailure && !error.transient) this.key = undefined;
      this.error = this.console.describe(error);
      this.problems = error instanceof ApiFailure ? error.problems.map((p) => p.message[this.console.language]) : [];
    } finally {
      this.sending = false;
      this.console.requestUpdate();
    }
  }

  /** Prints the receipt slip, with the rating QR code once the linked ticket is finished. */
  async print(): Promise<void> {
    const r = this.result;
    if (!r) return;
    const ratingToken = r.ticket?.id ? this.console.ratingTokens.get(r.ticket.id) : undefined;
    await this.host.print({ receipt: r.receipt, pin: r.pin, ratingToken });
    this.note = this.host.t('printing', { code: r.code });
    this.console.requestUpdate();
  }

  private async finishAndPrint(): Promise<void> {
    if (await this.console.run('done')) await this.print();
  }

  private readonly another = (): void => {
    this.result = undefined;
    this.procedure = undefined;
    this.documents = [];
    this.query = '';
    this.applicant = { name: '', address: '', phone: '', email: '' };
    this.delivery = 'counter';
    this.note = '';
    this.console.requestUpdate();
    this.console.focusField('procedure-search');
  };
}
