// The loader of core's other instruments, fetched only when a form shows a kind other than the 3-level rating; each
// kind's texts then come in a chunk of their own.
import { type Instrument, type InstrumentKind, loadBuiltInInstruments } from '@motcua/core/satisfaction';

/** What the form's loading of a kind reads and sets (private members of `<motcua-rating-form>`). */
export interface KindLoading {
  loadingKind: string | undefined;
  resolved: { instrument: Instrument } | { error: unknown } | undefined;
}

/**
 * Fetches the built-in versions of `kind` into `builtIn`; the form then picks the one in force (or shows that none
 * could be loaded), unless it has moved on to another kind meanwhile.
 */
export async function loadKind(
  form: KindLoading,
  kind: InstrumentKind,
  builtIn: Map<string, readonly Instrument[]>,
): Promise<void> {
  let resolved: KindLoading['resolved'];
  try {
    builtIn.set(kind, await loadBuiltInInstruments(kind));
  } catch (error) {
    resolved = { error };
  }
  if (form.loadingKind === kind) {
    form.loadingKind = undefined;
    form.resolved = resolved; // undefined: picked again from the versions now loaded
  }
}
