import type { PropertyDeclaration, ReactiveElement } from 'lit';

/**
 * Lit's `@property` for the TypeScript decorators the elements are compiled with (`experimentalDecorators`): it
 * declares a reactive property through Lit's public `createProperty`. Lit's own decorator also handles standard
 * decorators and accessors, which the elements do not use; this one is a tenth of its size in every bundle.
 *
 * @example
 * ```ts
 * class MotcuaExample extends MotcuaElement<'label'> {
 *   @property({ type: Number, attribute: 'heading-level' }) headingLevel = 2;
 * }
 * ```
 */
export const property =
  (options?: PropertyDeclaration) =>
  (proto: object, name: string): void => {
    (proto.constructor as typeof ReactiveElement).createProperty(name, options);
  };

/**
 * Lit's `@state`: a reactive property that is internal state, never an attribute.
 *
 * @example
 * ```ts
 * class MotcuaExample extends MotcuaElement<'label'> {
 *   @state() private open = false;
 * }
 * ```
 */
export const state = (options?: PropertyDeclaration) => property({ ...options, state: true, attribute: false });
