// The table behind every `{type, config}` spec the engine builds (layers, losses, optimizers,
// schedules): type → factory, open for more (registerLayer and its kin), and one error for a type
// nobody registered that names the known ones.

export interface TypeRegistry<Factory> {
  register(type: string, factory: Factory): void;
  /** The registered types: in registration order, or sorted when the registry was made `sorted`. */
  types(): string[];
  has(type: string): boolean;
  /** The factory of `type`; throws "unknown <kind> type '<type>' (known: …)" when there is none. */
  factory(type: string): Factory;
}

export function typeRegistry<Factory>(
  kind: string,
  entries: readonly (readonly [string, Factory])[] = [],
  options: { readonly sorted?: boolean } = {},
): TypeRegistry<Factory> {
  const factories = new Map<string, Factory>(entries);
  const types = () => (options.sorted ? [...factories.keys()].sort() : [...factories.keys()]);
  return {
    register: (type, factory) => {
      factories.set(type, factory);
    },
    types,
    has: (type) => factories.has(type),
    factory: (type) => {
      const factory = factories.get(type);
      if (factory === undefined)
        throw new Error(`unknown ${kind} type '${type}' (known: ${types().join(', ')})`);
      return factory;
    },
  };
}
