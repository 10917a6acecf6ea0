// The loader of core's other instruments, fetched only when a form shows a kind other than the 3-level rating; each
// kind's texts then come in a chunk of their own.
export { loadBuiltInInstruments } from '@motcua/core/satisfaction';
