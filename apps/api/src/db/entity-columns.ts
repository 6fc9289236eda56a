import {
  ReferenceKind,
  type EntityDictionary,
  type EntityManager,
  type EntityMetadata,
  type EntityName,
  type EntityProperty,
  type Platform,
} from '@mikro-orm/core';
import { remembered } from '../modules/common/bounded-memo.js';

/**
 * Which columns of an entity a read needs: 'all', or the properties its fields read. The
 * primary key and every relation are read either way (ids are cheap, and tenancy, loaders and
 * cursors rely on them); what a projection leaves out is the bulk of the scalar columns.
 */
export type Projection = ReadonlySet<string> | 'all';

const projectionKeys = new WeakMap<ReadonlySet<string>, string>();

/** The same text for every projection of the same properties. */
export function projectionKey(projection: Projection): string {
  if (projection === 'all') return '*';
  let key = projectionKeys.get(projection);
  if (key === undefined) projectionKeys.set(projection, (key = [...projection].sort().join(',')));
  return key;
}

/**
 * The columns of one entity inside a hand-written statement that reads several entities per
 * row: selected as `<alias>.<column> as "<prefix>__<column>"`, and read back out of a row as a
 * read view. Hot read paths use it to join what a page shows into one statement instead of one
 * statement per relation.
 */
export interface EntityColumns<T> {
  /** Unique to this set of columns in the process: a short key for statements built of it. */
  readonly id: number;
  readonly table: string;
  readonly alias: string;
  /** Each column: its name, its label in the row, its database type. */
  readonly columns: readonly { name: string; label: string; type: string }[];
  /** The select list, e.g. `k.id as "k__id", k.case_id as "k__case_id"`. */
  readonly select: string;
  /**
   * The entity's columns in a row as a read view, or null when the row has no such entity (an
   * outer join's miss). A view is an instance of the entity's class (type-graphql would build a
   * new instance for every field resolver of a plain object) holding the entity's properties,
   * converted as the ORM converts them (dates, booleans, big integers, JSON, encrypted personal
   * data), and its relations as `RowRef`s, carrying the related view when `related` names it.
   * It is not in the identity map and never written: it answers GraphQL fields at a fraction
   * of a managed entity's cost (MikroORM defines change-tracking accessors on every entity it
   * creates: a third of a 50-row page's CPU). A property its projection left out throws when
   * read, so a field that needs a column nobody declared fails loudly instead of answering null.
   */
  view(row: Record<string, unknown>, related?: Record<string, object>): T | null;
}

/**
 * A relation of a read view: the related row's id and, when the same statement read it, that
 * row. It answers what `resolveRef` and `entitiesOf` ask of a MikroORM reference
 * (`isInitialized`, `getEntity`, `getPrimaryKey`, `unwrap`).
 */
export class RowRef<T extends { id: string }> {
  constructor(
    readonly id: string,
    private readonly row: T | null = null,
  ) {}

  isInitialized(): boolean {
    return this.row !== null;
  }

  getEntity(): T {
    if (!this.row) throw new Error(`the row ${this.id} was not read with the one pointing to it`);
    return this.row;
  }

  getPrimaryKey(): string {
    return this.id;
  }

  unwrap(): T {
    return this.row ?? ({ id: this.id } as T);
  }
}

/** A view's stored values before conversion, its platform, and the values converted so far. */
const STORED = Symbol('stored values');
const PLATFORM = Symbol('platform');
const CONVERTED = Symbol('converted values');

interface ViewState {
  [STORED]: Record<string, unknown>;
  [PLATFORM]: Platform;
  [CONVERTED]?: Record<string, unknown>;
}

/** Shapes of views remembered per entity (prototypes) and per driver (columns). */
const MAX_SHAPES = 500;

/** Per entity metadata and set of unread properties, the prototype of its views. */
const viewPrototypes = new WeakMap<EntityMetadata, Map<string, object>>();

/**
 * The entity class's prototype with every property shadowed: a plain data property, so that
 * filling a view makes own properties instead of running the setters MikroORM puts on the class
 * prototype for change tracking; for a property of a custom type (encrypted personal data, big
 * integers, JSON) an accessor converting the stored value when a field first reads it, so a
 * page does not decrypt what it does not show; for a property the read left out, an accessor
 * that throws. One per class and projection, so views share their shape.
 */
function viewPrototype(
  meta: EntityMetadata,
  converted: readonly EntityProperty[],
  unread: readonly EntityProperty[],
): object {
  const key = unread.map((prop) => prop.name).join(',');
  let byUnread = viewPrototypes.get(meta);
  if (!byUnread) viewPrototypes.set(meta, (byUnread = new Map()));
  return remembered(byUnread, MAX_SHAPES, key, () => {
    const plain = { value: undefined, writable: true, enumerable: false, configurable: true };
    const properties: PropertyDescriptorMap = Object.fromEntries(
      meta.props.map((prop) => [prop.name, plain]),
    );
    for (const prop of converted) {
      const name = prop.name;
      properties[name] = {
        get(this: ViewState) {
          const done = (this[CONVERTED] ??= {});
          if (!(name in done)) {
            const value = this[STORED][name];
            done[name] =
              value == null ? value : prop.customType!.convertToJSValue(value, this[PLATFORM]);
          }
          return done[name];
        },
        set(this: ViewState, value: unknown) {
          (this[CONVERTED] ??= {})[name] = value;
        },
        enumerable: true,
        configurable: true,
      };
    }
    for (const prop of unread) {
      properties[prop.name] = {
        get() {
          throw new Error(
            `${meta.className}.${prop.name} was not read with this page: ` +
              `declare it in the reads of the field that needs it`,
          );
        },
        enumerable: false,
        configurable: true,
      };
    }
    return Object.create(meta.prototype, properties) as object;
  });
}

/**
 * Built once per database driver, entity, alias and projection: every request reads the same
 * shapes. Past this many shapes per driver (only a client varying its selections without end
 * gets there) the columns are built per request instead of remembered.
 */
const built = new WeakMap<object, Map<string, EntityColumns<object>>>();
let builtCount = 0;

export function entityColumns<T extends object>(
  em: EntityManager,
  entity: EntityName<T>,
  alias: string,
  projection: Projection = 'all',
): EntityColumns<T> {
  const driver = em.getDriver();
  const meta = em.getMetadata().get(entity);
  let byShape = built.get(driver);
  if (!byShape) built.set(driver, (byShape = new Map()));
  return remembered(
    byShape,
    MAX_SHAPES,
    `${meta.className} ${alias} ${projectionKey(projection)}`,
    () => buildEntityColumns(em, meta, alias, projection) as EntityColumns<object>,
  ) as EntityColumns<T>;
}

function buildEntityColumns<T extends object>(
  em: EntityManager,
  meta: EntityMetadata<T>,
  alias: string,
  projection: Projection,
): EntityColumns<T> {
  const driver = em.getDriver();
  const platform = em.getPlatform();
  const persisted = meta.props.filter(
    (prop) =>
      prop.persist !== false &&
      (prop.kind === ReferenceKind.SCALAR ||
        prop.kind === ReferenceKind.MANY_TO_ONE ||
        (prop.kind === ReferenceKind.ONE_TO_ONE && prop.owner)),
  );
  const isRead = (prop: EntityProperty<T>) =>
    projection === 'all' ||
    prop.primary ||
    prop.kind !== ReferenceKind.SCALAR ||
    projection.has(prop.name);
  const stored = persisted.filter(isRead);
  const columns = stored.flatMap((prop) =>
    prop.fieldNames.map((name, i) => ({
      name,
      label: `${alias}__${name}`,
      type: prop.columnTypes[i]!,
    })),
  );
  const converted = stored.filter((prop) => prop.kind === ReferenceKind.SCALAR && prop.customType);
  const plain = stored.filter((prop) => prop.kind === ReferenceKind.SCALAR && !prop.customType);
  const relations = stored.filter((prop) => prop.kind !== ReferenceKind.SCALAR);
  const primary = `${alias}__${meta.getPrimaryProps()[0]!.fieldNames[0]!}`;
  const unread = persisted.filter((prop) => !isRead(prop));
  const prototype = viewPrototype(meta, converted, unread);
  return {
    id: ++builtCount,
    table: meta.tableName,
    alias,
    columns,
    select: columns.map((c) => `${alias}.${c.name} as "${c.label}"`).join(', '),
    view(row, related = {}) {
      if (row[primary] == null) return null;
      const data: Record<string, unknown> = {};
      for (const column of columns) data[column.name] = row[column.label];
      // Column names to properties, dates and booleans as the ORM's own result mapper does.
      const mapped = driver.mapResult(data as EntityDictionary<T>, meta) as Record<string, unknown>;
      const view = Object.create(prototype) as ViewState & Record<string, unknown>;
      for (const prop of plain) view[prop.name as string] = mapped[prop.name];
      view[STORED] = mapped;
      view[PLATFORM] = platform;
      for (const prop of relations) {
        const id = mapped[prop.name];
        view[prop.name as string] =
          id == null
            ? null
            : new RowRef(String(id), (related[prop.name] as { id: string } | undefined) ?? null);
      }
      return view as T;
    },
  };
}
